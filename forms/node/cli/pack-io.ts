/** File handling shared by the `formkit pack` subcommands: every bad input becomes a one-line CliError (exit 2). */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACK_LIMITS } from '../../core/pack/limits';
import { nestsDeeperThan } from '../../core/pack/json-depth';
import { PackError } from '../../core/pack/pack-error';
import type { PackFiles } from '../../core/pack/types';
import { readPackDir } from '../load-pack-dir';
import { CliError } from './cli-error';

export function readJsonFile(path: string, what: string): unknown {
  if (!existsSync(path)) throw new CliError(`${what} not found: ${path}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`${what} cannot be read: ${path} (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${what} is not JSON: ${path} (${(e as Error).message})`);
  }
}

/** A pack given as a pack file (`formkit-pack@1`) or as a folder like the repo's `schemas/`. */
export function readPackFiles(path: string): PackFiles {
  if (existsSync(path) && statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'pack.json'))) throw new CliError(`not a pack folder (no pack.json): ${path}`);
    try {
      return readPackDir(path);
    } catch (e) {
      if (e instanceof PackError) throw new CliError(`${e.where}: ${e.en}`);
      throw e;
    }
  }
  const file = readJsonFile(path, 'pack file') as { format?: unknown; files?: unknown };
  if (!file || typeof file !== 'object' || file.format !== 'formkit-pack@1' || !file.files || typeof file.files !== 'object') {
    throw new CliError(`not a pack file (expected "format": "formkit-pack@1"): ${path}`);
  }
  if (nestsDeeperThan(file.files, PACK_LIMITS.depth + 2)) throw new CliError(`${path}: nested too deeply (limit ${PACK_LIMITS.depth})`);
  return file.files as PackFiles;
}

export function writeJson(path: string, value: unknown, mode?: number): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, mode === undefined ? undefined : { mode });
    // the mode given at creation does not change a file that already existed
    if (mode !== undefined) chmodSync(path, mode);
  } catch (e) {
    throw new CliError(`cannot write ${path} (${(e as Error).message})`);
  }
}

/** `--name value` options and positional arguments. */
export function parseArgs(args: string[], valued: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (valued.includes(name)) {
        const v = args[++i];
        if (v === undefined || v.startsWith('--')) throw new CliError(`--${name} needs a value`);
        options[name] = v;
      } else options[name] = true;
    } else positional.push(a);
  }
  return { positional, options };
}
