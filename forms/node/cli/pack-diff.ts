import { diffPacks, formatDiff } from '../../core/editor/pack-diff';
import { PackError } from '../../core/pack/pack-error';
import { parsePack } from '../../core/pack/parse-pack';
import type { PackFiles } from '../../core/pack/types';
import { CliError } from './cli-error';
import { readPackFiles } from './pack-io';

const parse = (files: PackFiles, path: string) => {
  try {
    return parsePack(files);
  } catch (e) {
    if (e instanceof PackError) throw new CliError(`${path}: ${e.where}: ${e.en}`);
    throw e;
  }
};

/** `formkit pack diff <old> <new> [--json] [--lang en]`: what changed, by title, rule id and entry. */
export async function packDiff(positional: string[], options: Record<string, string | true>): Promise<number> {
  if (positional.length !== 2) throw new CliError('usage: formkit pack diff <old> <new> [--json] [--lang zh|en]');
  const [a, b] = positional.map((p) => parse(readPackFiles(p), p));
  const d = diffPacks(a, b);
  console.log(options.json ? JSON.stringify(d, null, 2) : formatDiff(d, options.lang === 'en' ? 'en' : 'zh'));
  return 0;
}
