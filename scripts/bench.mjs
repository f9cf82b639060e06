#!/usr/bin/env node
/**
 * `npm run bench [-- --check] [--no-build] [--report-only] [--rounds N] [--keys N]` — the benchmark lives in bench/
 * (TypeScript, importing the kit's core); this starts it under tsx with the arguments passed on.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
