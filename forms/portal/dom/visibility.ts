/**
 * Which fields a fill may touch (pages and inputs may be hostile): only what a person can see and could edit by
 * hand. This file measures; `seenVerdict` (core) decides. Hidden, clipped, covered and off-screen
 * fields are a classic way for a page to harvest autofilled data.
 */
import { seenVerdict, type Box, type SeenFacts } from '../../core/fill/visibility-verdict';

export type UnusableReason = 'hidden' | 'off-screen' | 'covered' | 'disabled' | 'readonly' | 'password';

const win = (el: Element): Window & typeof globalThis => (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
const boxOf = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });

/** Style-hidden or without a real box (the quick test, used for wizard panels and buttons). */
export function isHidden(el: Element): boolean {
  const he = el as HTMLElement;
  if (typeof he.checkVisibility === 'function' && !he.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
  const rect = el.getBoundingClientRect();
  return rect.width < 2 || rect.height < 2;
}

export function isOffScreen(el: Element): boolean {
  const w = win(el);
  const rect = el.getBoundingClientRect();
  const left = rect.left + w.scrollX;
  const top = rect.top + w.scrollY;
  return left + rect.width <= 0 || top + rect.height <= 0 || left >= (el.ownerDocument.documentElement.clientWidth || w.innerWidth) + w.scrollX;
}

// a clip-path that leaves nothing: inset of 50 % or more, a zero circle/ellipse, a zero-size polygon
const CLIPPED_AWAY = /inset\(\s*(?:[5-9]\d(?:\.\d+)?%|100%|\d{3,}px)|circle\(\s*0(?:px|%)?\s*(?:at|\))|ellipse\(\s*0(?:px|%)?\s/;

const parentOf = (el: Element): Element | null => el.parentElement ?? (((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null);

interface Inherited {
  /** the element's effective opacity (its own times its ancestors') */
  opacity: number;
  clippedAway: boolean;
  /** the element and its ancestors that clip what they hold: the clips of its descendants */
  clipping: Element[];
}

// one fill measures many fields under the same ancestors: their styles are read once per fill
let cache = new WeakMap<Element, Inherited>();
/** Forgets measured styles (a fill starts; the page may have changed since the last one). */
export function resetVisibilityCache(): void {
  cache = new WeakMap();
}

function inherited(el: Element, w: Window & typeof globalThis): Inherited {
  const hit = cache.get(el);
  if (hit) return hit;
  const parent = parentOf(el);
  const up: Inherited = parent ? inherited(parent, w) : { opacity: 1, clippedAway: false, clipping: [] };
  const cs = w.getComputedStyle(el);
  const o = Number.parseFloat(cs.opacity);
  const clipPath = cs.clipPath;
  const clippedAway =
    up.clippedAway ||
    cs.display === 'none' ||
    (!!clipPath && clipPath !== 'none' && CLIPPED_AWAY.test(clipPath)) ||
    (!!cs.clip && /rect\(\s*0(px)?[, ]+0(px)?[, ]+0(px)?[, ]+0(px)?\s*\)/.test(cs.clip) && cs.position === 'absolute');
  const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.overflow === 'hidden' || cs.overflow === 'clip';
  const own: Inherited = { opacity: up.opacity * (Number.isFinite(o) ? o : 1), clippedAway, clipping: clips ? [...up.clipping, el] : up.clipping };
  cache.set(el, own);
  return own;
}

/** What is at the visible centre of the control, after it was scrolled into view. */
function hitTest(el: Element, visible: Box): SeenFacts['hit'] {
  const rootNode = el.getRootNode() as Document | ShadowRoot;
  const at = (rootNode as Document).elementFromPoint ? rootNode : el.ownerDocument;
  if (typeof (at as Document).elementFromPoint !== 'function') return 'unknown';
  const x = visible.left + visible.width / 2;
  const y = visible.top + visible.height / 2;
  const top = (at as Document).elementFromPoint(x, y);
  if (!top) return 'unknown';
  if (el.contains(top) || top.contains(el)) return 'self';
  // the control's own label, or a component's popup or our own panels over it, are not covers
  const label = top.closest('label');
  if (label && (label.contains(el) || (label as HTMLLabelElement).control === el)) return 'self';
  if (top.closest('#formkit-fill-report, #formkit-fill-recorder, .el-popper, .el-select-dropdown, .ant-select-dropdown, .ant-picker-dropdown, .ant-cascader-dropdown, .ivu-select-dropdown, .layui-anim, .van-popup, .el-picker-panel')) return 'self';
  return 'other';
}

/** Measures what `seenVerdict` needs; scrolls the control into view first when it is out of the window. */
export function seenFacts(el: Element, opts: { hitTest?: boolean } = {}): SeenFacts {
  const w = win(el);
  const he = el as HTMLElement;
  const styleVisible = typeof he.checkVisibility === 'function' ? he.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
  const parent = parentOf(el);
  const own = inherited(el, w);
  const opacity = own.opacity;
  const clippedAway = own.clippedAway;
  // what the element itself clips is its content, not itself
  const clipping = parent ? inherited(parent, w).clipping : [];
  const viewport = () => ({ width: el.ownerDocument.documentElement.clientWidth || w.innerWidth, height: w.innerHeight, scrollX: w.scrollX, scrollY: w.scrollY });
  let box = boxOf(el.getBoundingClientRect());
  const before: SeenFacts = { styleVisible, opacity, box, clips: clipping.map((c) => boxOf(c.getBoundingClientRect())), clippedAway, viewport: viewport(), hit: 'unknown' };
  // decided before any scrolling: scrolling would bring a far-right trap into view
  if (seenVerdict(before) || !opts.hitTest) return before;
  const vp = before.viewport;
  const outOfWindow = box.top < 0 || box.left < 0 || box.top + box.height > vp.height || box.left + box.width > vp.width;
  if (outOfWindow && typeof he.scrollIntoView === 'function') {
    he.scrollIntoView({ block: 'center', inline: 'nearest' });
    box = boxOf(el.getBoundingClientRect());
  }
  const clips = clipping.map((c) => boxOf(c.getBoundingClientRect()));
  const windowBox: Box = { left: 0, top: 0, width: vp.width, height: vp.height };
  const part = [...clips, windowBox].reduce((acc, c) => {
    const left = Math.max(acc.left, c.left);
    const top = Math.max(acc.top, c.top);
    return { left, top, width: Math.max(0, Math.min(acc.left + acc.width, c.left + c.width) - left), height: Math.max(0, Math.min(acc.top + acc.height, c.top + c.height) - top) };
  }, box);
  return { ...before, box, clips, viewport: viewport(), hit: part.width > 0 && part.height > 0 ? hitTest(el, part) : 'unknown' };
}

const COMPONENT_DISABLED =
  '.is-disabled, .ant-select-disabled, .ant-picker-disabled, .ant-input-number-disabled, .ant-switch-disabled, .ant-radio-wrapper-disabled, .ant-checkbox-wrapper-disabled, .ivu-select-disabled, .ivu-switch-disabled, .layui-disabled, .van-field--disabled, [aria-disabled="true"]';

/**
 * @param root the field's outer element (a component wrapper or the input itself)
 * @param textInputs inputs the user types into (readonly applies to these only: a select's inner input is readonly by design)
 * @param opts.hitTest also look for a cover over the control (costs a layout: only for a control about to be filled)
 */
export function unusableReason(root: Element, inputs: Element[], textInputs: Element[], opts: { hitTest?: boolean } = {}): UnusableReason | null {
  const w = win(root);
  for (const i of inputs) if (i instanceof w.HTMLInputElement && i.type === 'password') return 'password';
  // a type=hidden input is a hidden field; beside a control a person sees it only carries the value for posting
  if (inputs.length && inputs.every((i) => i instanceof w.HTMLInputElement && i.type === 'hidden')) return 'hidden';
  let verdict = seenVerdict(seenFacts(root, opts));
  // a styled checkbox or radio hides its input and draws its label (Bootstrap's custom controls,
  // layui, Element): a person sees and clicks the label
  if (verdict === 'hidden' && root instanceof w.HTMLInputElement && (root.type === 'checkbox' || root.type === 'radio')) {
    const labels = [...(root.labels ?? [])];
    if (labels.some((l) => !seenVerdict(seenFacts(l, opts)))) verdict = null;
  }
  if (verdict) return verdict;
  if (root.matches(COMPONENT_DISABLED) || root.closest('fieldset:disabled')) return 'disabled';
  if (inputs.length && inputs.every((i) => (i as HTMLInputElement).disabled)) return 'disabled';
  if (textInputs.some((i) => (i as HTMLInputElement).readOnly)) return 'readonly';
  return null;
}
