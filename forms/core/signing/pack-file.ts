import type { PackFiles } from '../pack/types';

export const PACK_FORMAT = 'formkit-pack@1';

/** One pack as one JSON file: what `formkit pack build` writes and what the extension installs. */
export interface PackFileBody {
  format: typeof PACK_FORMAT;
  /** SHA-256 of the canonical JSON of `files` */
  hash: string;
  files: PackFiles;
}

export interface PackSignature {
  alg: 'Ed25519';
  keyId: string;
  /** base64url Ed25519 signature over the canonical JSON of `{format, hash, files}` */
  value: string;
}

export interface SignedPackFile extends PackFileBody {
  signature: PackSignature;
}
