import { formkit } from '../forms/node/cli/main';

// Thin entry: all logic is in forms/node/cli so tests can call it in-process too.
process.exitCode = await formkit(process.argv.slice(2));
