import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeys } from '../../core/signing/keys';
import { CliError } from './cli-error';
import { writeJson } from './pack-io';

/**
 * `formkit pack keygen --out DIR [--force]`: an Ed25519 key pair as JWK; the private key file is readable
 * by its owner only (mode 600, also when it existed). An existing key is never replaced without --force:
 * a lost private key cannot sign the next pack institutions trust.
 */
export async function packKeygen(options: Record<string, string | true>): Promise<number> {
  if (typeof options.out !== 'string') throw new CliError('usage: formkit pack keygen --out DIR [--force]');
  const existing = ['private.jwk.json', 'public.jwk.json'].map((f) => join(options.out as string, f)).filter((f) => existsSync(f));
  if (existing.length && options.force !== true) {
    throw new CliError(`refusing to overwrite ${existing.join(', ')} (a replaced private key is lost for good); pass --force to replace it`);
  }
  const keys = await generateSigningKeys();
  writeJson(join(options.out, 'public.jwk.json'), keys.publicJwk);
  writeJson(join(options.out, 'private.jwk.json'), keys.privateJwk, 0o600);
  console.log(`key ${keys.keyId}: ${join(options.out, 'public.jwk.json')} (publish to institutions), ${join(options.out, 'private.jwk.json')} (keep secret)`);
  return 0;
}
