import { runCli } from '../forms/node/cli/main';
import { runPackCommand } from '../forms/node/cli/pack-cli';

// Thin entry: all logic is in forms/node/cli so tests can call it in-process too.
// `formkit pack …` (bureau pack tooling) is async and prints for itself; the rest returns its output.
const argv = process.argv.slice(2);
if (argv[0] === 'pack') {
  process.exitCode = await runPackCommand(argv.slice(1));
} else {
  const r = runCli(argv);
  if (r.stdout) process.stdout.write(r.stdout + '\n');
  if (r.stderr) process.stderr.write(r.stderr + '\n');
  process.exitCode = r.code;
}
