/**
 * What a control adapter is (one per kind of control: how to read its value as the user sees it,
 * and how to set it the way a user would, so the page's framework model follows), and the value
 * helpers the adapters share. Adapters do not throw for "value not taken": the read-back after
 * writing decides whether a fill stuck. They throw a FillFailure when they know why it cannot.
 */
import type { FillValue } from '../../core/fill/types';
import { normalizeLabel } from '../../core/fill/normalize-label';

export interface Control {
  /** adapter name, e.g. `el-select`, `native-text` (shown in debug output) */
  kind: string;
  root: Element;
  /** native inputs the control holds (safety checks look at them) */
  inputs: Element[];
  /** inputs the user types into (readonly applies only to these) */
  textInputs: Element[];
  read(): FillValue | null;
  write(value: FillValue): Promise<void>;
  /** native controls take their value at once: no frame to wait for before reading back */
  sync?: boolean;
  /** empties the control when writing an empty value cannot (selects with a clear button) */
  clear?(): Promise<void>;
}

/** A write that cannot succeed, with the report's reason code (reasons.ts), e.g. `no-option`. */
export class FillFailure extends Error {
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export const same = (a: string, b: string): boolean => normalizeLabel(a) === normalizeLabel(b);
export const asList = (v: FillValue): string[] => (Array.isArray(v) ? v : typeof v === 'boolean' || v === '' ? [] : [v]);
export const asText = (v: FillValue): string => (Array.isArray(v) ? v.join('') : String(v));

/** The element itself when it matches, else its first descendant that does. */
export function pick(root: Element, sel: string): Element | null {
  return root.matches(sel) ? root : root.querySelector(sel);
}
