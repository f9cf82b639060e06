import { parseArgs } from 'node:util';
import { dateProblem } from '../../core/formats/calendar-date';
import type { Lang } from '../../core/i18n/lang';
import { CliError } from './cli-error';

export interface CliArgs {
  command: string | undefined;
  positionals: string[];
  json: boolean;
  today?: string;
  lang: Lang;
  pack?: string;
}

/** Command line → options; unknown options and malformed values are one-line errors (exit 2). */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        today: { type: 'string' },
        lang: { type: 'string', default: 'zh' },
        pack: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`参数错误 / bad arguments: ${(e as Error).message.split('\n')[0]}`);
  }
  const { values, positionals } = parsed;
  if (values.today !== undefined && dateProblem(values.today)) {
    throw new CliError(`--today ${values.today}: 应为 YYYY-MM-DD 格式的真实日期 / must be a real date YYYY-MM-DD`);
  }
  if (values.lang !== 'zh' && values.lang !== 'en') throw new CliError(`--lang ${values.lang}: 可选 zh、en / allowed: zh, en`);
  return {
    command: values.help ? 'help' : positionals[0],
    positionals: positionals.slice(1),
    json: values.json ?? false,
    today: values.today,
    lang: values.lang as Lang,
    pack: values.pack,
  };
}
