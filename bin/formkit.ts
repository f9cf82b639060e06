import { runCli } from '../forms/node/cli/main';

// Thin entry: all logic is in forms/node/cli so tests can call it in-process too.
const r = runCli(process.argv.slice(2));
if (r.stdout) process.stdout.write(r.stdout + '\n');
if (r.stderr) process.stderr.write(r.stderr + '\n');
process.exitCode = r.code;
