import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PackError } from '../core/pack/pack-error';
import type { PackFiles } from '../core/pack/types';

const fsWhy = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Reads every `*.json` under a pack folder (the repo's `schemas/`) into a PackFiles map. A symbolic
 * link is refused, not followed: a link to a key file or anything outside the folder would be signed
 * into the pack.
 */
export function readPackDir(dir: string): PackFiles {
  const files: PackFiles = {};
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (e) {
      const rel = relative(dir, d).split(sep).join('/') || '.';
      throw new PackError(rel, `无法读取文件夹（${fsWhy(e)}）`, `folder cannot be read (${fsWhy(e)})`);
    }
    for (const name of names) {
      const full = join(d, name);
      const rel = relative(dir, full).split(sep).join('/');
      const st = lstatSync(full);
      if (st.isSymbolicLink()) throw new PackError(rel, '是符号链接：文书包只收录文件夹中的普通文件', 'is a symbolic link: a pack takes only regular files inside its folder');
      if (st.isDirectory()) walk(full);
      else if (name.endsWith('.json')) {
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
