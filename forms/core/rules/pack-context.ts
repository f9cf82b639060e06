import type { Pack } from '../pack/types';

/**
 * JSON Logic operations are registered once, globally (json-logic-js keeps one operation table), but the
 * lookups they do belong to the pack being evaluated. Evaluation is synchronous, so the pack is held here
 * only for the duration of one evaluation.
 */
let current: Pack | null = null;

export function withPack<T>(pack: Pack, run: () => T): T {
  const previous = current;
  current = pack;
  try {
    return run();
  } finally {
    current = previous;
  }
}

export function activePack(): Pack | null {
  return current;
}
