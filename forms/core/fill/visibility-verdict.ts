/**
 * Whether a person sees a control, decided from measurements (pages may be hostile: a page may hide
 * fields to harvest autofilled data). The content script measures — style visibility, effective
 * opacity, its box, the boxes of ancestors that clip it, the element at its centre — and this pure
 * function decides, so every hiding technique is tested without a layout engine: display/visibility,
 * opacity 0 or 0.01, a 0- or 2×2-px box, clip/clip-path, an overflow-hidden parent, off-screen left or
 * right, covered by an overlay.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface SeenFacts {
  /** checkVisibility with opacity and visibility (display:none, visibility:hidden, content-visibility, opacity 0) */
  styleVisible: boolean;
  /** product of the opacities of the element and its ancestors */
  opacity: number;
  /** the control's box, in viewport coordinates */
  box: Box;
  /** the boxes of ancestors that clip their content (overflow other than visible, clip, clip-path), viewport coordinates */
  clips: Box[];
  /** a clip-path or clip on the element or an ancestor that leaves nothing (inset(50%), circle(0), rect(0 0 0 0)) */
  clippedAway: boolean;
  /** the viewport's width and the page's scroll offsets, to place the box on the page */
  viewport: { width: number; height: number; scrollX: number; scrollY: number };
  /** what the element at the visible centre is: the control (or its label), something else, or not known */
  hit: 'self' | 'other' | 'unknown';
}

export type SeenVerdict = 'hidden' | 'off-screen' | 'covered' | null;

/** Smallest box a person could see and click (a 2×2-px field is a trap, a 12-px checkbox is not). */
export const MIN_SIDE_PX = 6;
/** Below this effective opacity a field is invisible (0.01 is a classic trap). */
export const MIN_OPACITY = 0.1;
/** Share of the box that must be visible inside its clipping ancestors. */
export const MIN_VISIBLE_SHARE = 0.3;

export function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** The part of the box not clipped away by its ancestors. */
export function visiblePart(f: Pick<SeenFacts, 'box' | 'clips'>): Box {
  return f.clips.reduce(intersect, f.box);
}

/** Is the box placed where nobody looks: left of or above the page, or beyond the window's right edge. */
export function offScreen(f: Pick<SeenFacts, 'box' | 'viewport'>): boolean {
  const left = f.box.left + f.viewport.scrollX;
  const top = f.box.top + f.viewport.scrollY;
  // forms are read top to bottom: a field that starts right of the window is reached only by scrolling
  // sideways, which nobody does on a form
  return left + f.box.width <= 0 || top + f.box.height <= 0 || left >= f.viewport.width + f.viewport.scrollX;
}

export function seenVerdict(f: SeenFacts): SeenVerdict {
  if (!f.styleVisible || f.opacity < MIN_OPACITY || f.clippedAway) return 'hidden';
  if (f.box.width < MIN_SIDE_PX || f.box.height < MIN_SIDE_PX) return 'hidden';
  if (offScreen(f)) return 'off-screen';
  const v = visiblePart(f);
  if (v.width < MIN_SIDE_PX || v.height < MIN_SIDE_PX || v.width * v.height < MIN_VISIBLE_SHARE * f.box.width * f.box.height) return 'hidden';
  if (f.hit === 'other') return 'covered';
  return null;
}
