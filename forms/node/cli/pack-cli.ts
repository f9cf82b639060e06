/**
 * `formkit pack <build|keygen|sign|verify|diff|check>` — the bureau's own automation over the same core
 * the editor uses; `formkit` (main.ts) dispatches `pack …` here.
 */
import { packBuild } from './pack-build';
import { packCheck } from './pack-check';
import { packDiff } from './pack-diff';
import { CliError } from './cli-error';
import { parseArgs } from './pack-io';
import { packKeygen } from './pack-keygen';
import { packSign } from './pack-sign';
import { packVerify } from './pack-verify';

export const PACK_USAGE = `usage:
  formkit pack build [--out F] [--dir schemas]             default out: generated/formkit-pack.json
  formkit pack keygen --out DIR
  formkit pack sign <pack> --key <private.jwk.json> --out F
  formkit pack verify <pack> --key <public.jwk.json>      exit 0 valid, 1 refused, 2 bad input
  formkit pack diff <old> <new> [--json] [--lang zh|en]
  formkit pack check <pack|dir> [--json]                  exit 0 ok, 1 problems, 2 bad input`;

/** Runs one `pack` subcommand; returns the exit code and never throws for bad input. */
export async function runPackCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    const { positional, options } = parseArgs(rest, ['out', 'key', 'dir', 'lang']);
    switch (sub) {
      case 'build':
        return await packBuild(options);
      case 'keygen':
        return await packKeygen(options);
      case 'sign':
        return await packSign(positional, options);
      case 'verify':
        return await packVerify(positional, options);
      case 'diff':
        return await packDiff(positional, options);
      case 'check':
        return await packCheck(positional, options);
      default:
        console.error(sub ? `unknown pack command: ${sub}\n${PACK_USAGE}` : PACK_USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof CliError) {
      console.error(e.message);
      return e.code;
    }
    console.error(`error: ${(e as Error).message ?? String(e)}`);
    return 2;
  }
}

