import { tryCheck } from '../../core/checks/run-check';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { CliError } from './cli-error';
import { readJsonInput } from './read-json-input';
import { packChecks } from '../../core/checks/pack-checks';

/** `formkit check <kind> <file|->`: the answer as JSON; exit 0 whenever the input was understood. */
export function checkCommand(pack: Pack, args: string[], opts: { today?: string; lang: Lang }): { out: string; code: number } {
  const [kind, source] = args;
  const kinds = packChecks(pack).map((c) => c.kind);
  if (!kind) throw new CliError(`用法 / usage: formkit check <kind> <file.json|->; kinds: ${kinds.join(', ')}`);
  if (!kinds.includes(kind)) throw new CliError(`未知的检查类型 / unknown check kind "${kind}"; 可选 / available: ${kinds.join(', ')}`);
  const input = readJsonInput(source);
  const answer = tryCheck(pack, kind, input, opts.today, opts.lang);
  if (!answer.ok) throw new CliError(answer.problems.map((p) => `${p.zh} / ${p.en}`).join('；'));
  return { out: JSON.stringify(answer.result, null, 2), code: 0 };
}
