import { checkCommand } from './check-command';
import { CliError } from './cli-error';
import { documentsCommand } from './documents-command';
import { loadCliPack } from './load-cli-pack';
import { runPackCommand } from './pack-cli';
import { parseCliArgs } from './parse-args';
import { validateCommand } from './validate-command';

const USAGE = `formkit — 上海职业技能等级认定文书工具 (沪人社职〔2024〕120号)

  formkit documents [--json]                                  list documents (id, version, title)
  formkit validate <docId> <file.json|-> [--today YYYY-MM-DD] [--json]
                                                              schema and rule findings; exit 0 valid, 1 invalid
  formkit check <kind> <file.json|-> [--today YYYY-MM-DD]     quick check answer as JSON
      kinds: route occupation renewal candidate sanction termination level
  formkit pack build|keygen|sign|verify|diff|check …            pack tooling (formkit pack for details)

  --lang zh|en   message language (default zh)      --pack <dir>   another pack folder
  Bad input: one-line message, exit 2.`;

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one CLI invocation; never throws (the launcher only prints and exits). */
export function runCli(argv: string[]): CliOutcome {
  try {
    const args = parseCliArgs(argv);
    if (!args.command || args.command === 'help') return { code: args.command ? 0 : 2, stdout: args.command ? USAGE : '', stderr: args.command ? '' : USAGE };
    const known = ['documents', 'validate', 'check'];
    if (!known.includes(args.command)) throw new CliError(`未知命令 / unknown command "${args.command}"; 可选 / available: ${known.join(', ')}`);
    const pack = loadCliPack(args.pack);
    const r =
      args.command === 'documents'
        ? documentsCommand(pack, args.json)
        : args.command === 'validate'
          ? validateCommand(pack, args.positionals, args)
          : checkCommand(pack, args.positionals, args);
    return { code: r.code, stdout: r.out, stderr: '' };
  } catch (e) {
    // bad input is the user's to fix: one line, no stack; anything else is still one line, but marked internal
    const msg = e instanceof CliError ? e.message : `内部错误 / internal error: ${(e as Error)?.message ?? String(e)}`;
    return { code: 2, stdout: '', stderr: `formkit: ${msg.replace(/\s*\n\s*/g, ' ')}` };
  }
}

/**
 * The one `formkit` entry (bin/formkit.ts): `pack …` (bureau pack tooling, which prints for itself)
 * or any other command through runCli. Resolves to the exit code.
 */
export async function formkit(argv: string[]): Promise<number> {
  if (argv[0] === 'pack') return runPackCommand(argv.slice(1));
  const r = runCli(argv);
  if (r.stdout) process.stdout.write(r.stdout + '\n');
  if (r.stderr) process.stderr.write(r.stderr + '\n');
  return r.code;
}
