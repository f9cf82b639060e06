/**
 * Picks the validation engine for a pack: the build-time precompiled validators when the pack is
 * exactly the one they were generated from, the eval-free interpreter otherwise (edited or imported packs).
 */
import { byDocument, packHash } from '../../generated/validators.js';
import type { Pack } from '../core/pack/types';
import { createInterpreterEngine } from '../core/validation/interpreter-engine';
import { createPrecompiledEngine } from '../core/validation/precompiled-engine';
import type { SchemaEngine } from '../core/validation/types';

export function engineFor(pack: Pack, hash: string): SchemaEngine {
  const covered = pack.manifest.documents.every((id) => id in byDocument);
  return hash === packHash && covered ? createPrecompiledEngine(byDocument) : createInterpreterEngine(pack);
}
