import { isPublicJwk, trustedKeyFrom } from '../../core/signing/keys';
import { verifyPackFile } from '../../core/signing/verify-pack';
import { CliError } from './cli-error';
import { readJsonFile } from './pack-io';

/** `formkit pack verify <pack> --key <public>`: exit 0 valid, 1 refused (with the reason), 2 bad input. */
export async function packVerify(positional: string[], options: Record<string, string | true>): Promise<number> {
  if (positional.length !== 1 || typeof options.key !== 'string') throw new CliError('usage: formkit pack verify <pack> --key <public.jwk.json>');
  const jwk = readJsonFile(options.key, 'public key');
  if (!isPublicJwk(jwk)) throw new CliError(`not an Ed25519 public JWK: ${options.key}`);
  const file = readJsonFile(positional[0], 'pack file');
  if (!file || typeof file !== 'object' || (file as { format?: unknown }).format !== 'formkit-pack@1') {
    throw new CliError(`not a pack file (expected "format": "formkit-pack@1"): ${positional[0]}`);
  }
  const r = await verifyPackFile(file, [await trustedKeyFrom(jwk)]);
  if (r.ok) {
    const m = r.file.files['pack.json'] as { id?: string; version?: string } | undefined;
    console.log(`valid: ${m?.id ?? '?'} ${m?.version ?? '?'} signed by key ${r.key.keyId}`);
    return 0;
  }
  console.error(`refused (${r.reason}): ${r.en} / ${r.zh}`);
  return 1;
}
