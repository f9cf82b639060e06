/**
 * What a control adapter is (one per kind of control: how to read its value as the user sees it,
 * and how to set it the way a user would, so the page's framework model follows), and the value
 * helpers the adapters share. Adapters do not throw for "value not taken": the read-back after
 * writing decides whether a fill stuck. They throw a FillFailure when they know why it cannot.
 */
import type { FillValue, ValueForms } from '../../core/fill/types';
import { normalizeLabel } from '../../core/fill/normalize-label';
import { labelVariants, similarity } from '../../core/fill/match-fields';

export interface Control {
  /** adapter name, e.g. `el-select`, `native-text` (shown in debug output) */
  kind: string;
  root: Element;
  /** native inputs the control holds (safety checks look at them) */
  inputs: Element[];
  /** inputs the user types into (readonly applies only to these) */
  textInputs: Element[];
  read(): FillValue | null;
  /** sets the value; `forms` are its other forms, of which a choice writes the one its options hold */
  write(value: FillValue, forms?: ValueForms): Promise<void>;
  /** the option texts the control shows without opening anything (native selects, radio groups) */
  options?(): string[];
  /** the option texts the last write chose (read-back accepts them: an option worded its own way) */
  picked?: string[];
  /** what the control holds for the matcher: `toggle` (a lone checkbox, a switch), `choice`, `multi`, `file`, `text` */
  role?: 'text' | 'choice' | 'multi' | 'toggle' | 'file' | 'date' | 'cascade';
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

/**
 * The texts a single choice may be found under, best first: the value itself, then its other forms
 * (a yes/no value has only its words: 是 / 有 / …).
 */
export function choiceLabels(v: FillValue, forms?: ValueForms): string[] {
  const own = typeof v === 'string' ? [v] : Array.isArray(v) ? v.slice(0, 1) : [];
  return [...new Set([...own, ...(forms?.texts ?? [])])].filter((x) => x !== '');
}

/** For a list value: each element's texts, best first. */
export function eachLabels(v: FillValue, forms?: ValueForms): string[][] {
  const list = asList(v);
  return list.map((x, i) => [...new Set([x, ...(forms?.each?.[i] ?? [])])]);
}

/** How alike an option must be to a wanted text, and ahead of the next option, to be chosen without an exact match. */
const CLOSE_OPTION = 0.6;
const CLOSE_MARGIN = 0.1;

/**
 * The first wanted text some option shows (normalised); failing that, the one option clearly closest
 * to a wanted text (央企 for 在沪央企, 区属国企 for 区属企业) — portals word options their own way. Null when
 * none is close or two are equally close: an option is never guessed.
 */
export function firstPresent(optionTexts: readonly string[], wanted: readonly string[], fuzzy = false): string | null {
  const opts = optionTexts.map(normalizeLabel);
  for (const w of wanted) {
    const k = opts.indexOf(normalizeLabel(w));
    if (k >= 0) return optionTexts[k];
  }
  if (!fuzzy || !wanted.length) return null;
  const want = labelVariants(wanted[0], []);
  // close: one wording inside the other (央企 / 在沪央企), or most characters shared in order
  const close = (w: string, o: string) => (w.includes(o) || o.includes(w) ? Math.max(similarity(w, o), similarity(o, w), CLOSE_OPTION) : similarity(w, o) >= 0.7 ? similarity(w, o) : 0);
  const scored = optionTexts
    .map((t, i) => ({ i, s: Math.max(0, ...want.flatMap((w) => labelVariants(t, []).map((o) => close(w, o)))) }))
    .sort((a, b) => b.s - a.s);
  if (!scored.length || scored[0].s < CLOSE_OPTION || (scored[1] && scored[0].s - scored[1].s < CLOSE_MARGIN)) return null;
  return optionTexts[scored[0].i];
}
