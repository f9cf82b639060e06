import { resolve } from 'node:path';
import { packFileOf } from '../../core/signing/sign-pack';
import { readPackFiles, writeJson } from './pack-io';

/** `formkit pack build [--out F] [--dir schemas]`: the pack folder as one pack file (unsigned). */
export async function packBuild(options: Record<string, string | true>): Promise<number> {
  const dir = typeof options.dir === 'string' ? options.dir : 'schemas';
  const out = typeof options.out === 'string' ? options.out : 'generated/formkit-pack.json';
  const body = await packFileOf(readPackFiles(resolve(dir)));
  writeJson(out, body);
  console.log(`wrote ${out} (${Object.keys(body.files).length} files, sha256 ${body.hash.slice(0, 16)}…)`);
  return 0;
}
