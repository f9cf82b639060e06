import { isPrivateJwk } from '../../core/signing/keys';
import { signPack } from '../../core/signing/sign-pack';
import { CliError } from './cli-error';
import { readJsonFile, readPackFiles, writeJson } from './pack-io';

/** `formkit pack sign <pack> --key <private> --out F`. */
export async function packSign(positional: string[], options: Record<string, string | true>): Promise<number> {
  if (positional.length !== 1 || typeof options.key !== 'string' || typeof options.out !== 'string') {
    throw new CliError('usage: formkit pack sign <pack> --key <private.jwk.json> --out F');
  }
  const jwk = readJsonFile(options.key, 'private key');
  if (!isPrivateJwk(jwk)) throw new CliError(`not an Ed25519 private JWK: ${options.key}`);
  const signed = await signPack(readPackFiles(positional[0]), jwk);
  writeJson(options.out, signed);
  console.log(`signed with key ${signed.signature.keyId} → ${options.out}`);
  return 0;
}
