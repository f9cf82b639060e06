import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackError } from '../../core/pack/pack-error';
import { parsePack } from '../../core/pack/parse-pack';
import type { Pack } from '../../core/pack/types';
import { activateReference } from '../../core/reference/reference-context';
import { readPackDir } from '../load-pack-dir';
import { CliError } from './cli-error';

/** The repo's `schemas/` (or `--pack <dir>`), parsed, with its reference lists active for format checks. */
export function loadCliPack(dir?: string): Pack {
  const packDir = dir ? resolve(dir) : join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');
  if (!existsSync(join(packDir, 'pack.json'))) throw new CliError(`${packDir}: 不是文书包目录（缺少 pack.json） / not a pack folder (no pack.json)`);
  try {
    const pack = parsePack(readPackDir(packDir));
    // the same lists the extension checks against: this pack's occupations and districts
    activateReference(pack);
    return pack;
  } catch (e) {
    if (e instanceof PackError) throw new CliError(`文书包有误 / pack error: ${e.message}`);
    throw e;
  }
}
