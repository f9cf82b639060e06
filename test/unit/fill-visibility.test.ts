import { describe, expect, it } from 'vitest';
import { seenVerdict, type SeenFacts } from '../../forms/core/fill/visibility-verdict';

/** A plain visible text box at (100, 200), 240×32, in a 1280×800 window, nothing over it. */
const visible = (): SeenFacts => ({
  styleVisible: true,
  opacity: 1,
  box: { left: 100, top: 200, width: 240, height: 32 },
  clips: [{ left: 0, top: 0, width: 1280, height: 3000 }],
  clippedAway: false,
  viewport: { width: 1280, height: 800, scrollX: 0, scrollY: 0 },
  hit: 'self',
});
const with_ = (patch: Partial<SeenFacts>): SeenFacts => ({ ...visible(), ...patch });

describe('a field is filled only when a person sees it', () => {
  it('a plain field, a small checkbox and a field below the fold are visible', () => {
    expect(seenVerdict(visible())).toBeNull();
    expect(seenVerdict(with_({ box: { left: 100, top: 200, width: 13, height: 13 } }))).toBeNull();
    expect(seenVerdict(with_({ box: { left: 100, top: 2400, width: 240, height: 32 }, hit: 'unknown' }))).toBeNull();
  });
  // the hiding techniques a hostile-page review found, each as the content script measures it
  const traps: Array<[string, Partial<SeenFacts>, string]> = [
    ['display: none', { styleVisible: false, box: { left: 0, top: 0, width: 0, height: 0 } }, 'hidden'],
    ['visibility: hidden', { styleVisible: false }, 'hidden'],
    ['opacity: 0', { styleVisible: false, opacity: 0 }, 'hidden'],
    ['opacity: 0.01 (checkVisibility passes it)', { opacity: 0.01 }, 'hidden'],
    ['opacity 0.2 on a parent times 0.3 on the field', { opacity: 0.06 }, 'hidden'],
    ['zero size', { box: { left: 100, top: 200, width: 0, height: 0 } }, 'hidden'],
    ['2×2 px', { box: { left: 100, top: 200, width: 2, height: 2 } }, 'hidden'],
    ['clip: rect(0 0 0 0) on a 1-px box', { clippedAway: true, box: { left: 100, top: 200, width: 1, height: 1 } }, 'hidden'],
    ['clip-path: inset(50%)', { clippedAway: true }, 'hidden'],
    ['inside a 0-height overflow-hidden parent', { clips: [{ left: 100, top: 200, width: 240, height: 0 }] }, 'hidden'],
    ['mostly cut off by an overflow-hidden parent', { clips: [{ left: 100, top: 200, width: 240, height: 4 }] }, 'hidden'],
    ['honeypot: 0×0 wrapper with overflow hidden', { clips: [{ left: 100, top: 200, width: 0, height: 0 }] }, 'hidden'],
    ['far off to the left', { box: { left: -10000, top: 0, width: 240, height: 32 } }, 'off-screen'],
    ['far off to the right', { box: { left: 30000, top: 0, width: 240, height: 32 } }, 'off-screen'],
    ['above the page', { box: { left: 100, top: -500, width: 240, height: 32 } }, 'off-screen'],
    ['covered by an overlay', { hit: 'other' }, 'covered'],
  ];
  for (const [name, facts, verdict] of traps) {
    it(`not filled: ${name}`, () => expect(seenVerdict(with_(facts))).toBe(verdict));
  }
  it('a field scrolled sideways inside a wide page is still on the page when the window shows it', () => {
    expect(seenVerdict(with_({ box: { left: 100, top: 200, width: 240, height: 32 }, viewport: { width: 1280, height: 800, scrollX: 600, scrollY: 0 } }))).toBeNull();
  });
});
