import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PackError } from '../core/pack/pack-error';
import type { PackFiles } from '../core/pack/types';

/** Reads every `*.json` under a pack folder (the repo's `schemas/`) into a PackFiles map. */
export function readPackDir(dir: string): PackFiles {
  const files: PackFiles = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) {
        const rel = relative(dir, full).split(sep).join('/');
        try {
          files[rel] = JSON.parse(readFileSync(full, 'utf8'));
        } catch (e) {
          throw new PackError(rel, `不是有效的 JSON（${(e as Error).message}）`, `not valid JSON (${(e as Error).message})`);
        }
      }
    }
  };
  walk(dir);
  return files;
}
