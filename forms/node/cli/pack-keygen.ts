import { join } from 'node:path';
import { generateSigningKeys } from '../../core/signing/keys';
import { CliError } from './cli-error';
import { writeJson } from './pack-io';

/** `formkit pack keygen --out DIR`: an Ed25519 key pair as JWK; the private key file is readable by its owner only. */
export async function packKeygen(options: Record<string, string | true>): Promise<number> {
  if (typeof options.out !== 'string') throw new CliError('usage: formkit pack keygen --out DIR');
  const keys = await generateSigningKeys();
  writeJson(join(options.out, 'public.jwk.json'), keys.publicJwk);
  writeJson(join(options.out, 'private.jwk.json'), keys.privateJwk, 0o600);
  console.log(`key ${keys.keyId}: ${join(options.out, 'public.jwk.json')} (publish to institutions), ${join(options.out, 'private.jwk.json')} (keep secret)`);
  return 0;
}
