import { checkPack } from '../../core/editor/check-pack';
import { CliError } from './cli-error';
import { readPackFiles } from './pack-io';

/** `formkit pack check <pack> [--json]`: every safety problem with its location; exit 0 none, 1 some, 2 bad input. */
export async function packCheck(positional: string[], options: Record<string, string | true>): Promise<number> {
  if (positional.length !== 1) throw new CliError('usage: formkit pack check <pack|dir> [--json]');
  const problems = checkPack(readPackFiles(positional[0]));
  if (options.json) console.log(JSON.stringify({ ok: problems.length === 0, problems }, null, 2));
  else if (!problems.length) console.log('ok: no problems');
  else for (const p of problems) console.log(`${p.where}: ${p.en} / ${p.zh}`);
  return problems.length ? 1 : 0;
}
