// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FillOutcome } from '../../forms/core/fill/types';
import { showReportPanel } from '../../forms/portal/report-panel';

/** The panel lives in a closed shadow root (page scripts cannot read it); the test keeps the root it gets. */
function openPanel(outcomes: FillOutcome[], lang: 'zh' | 'en' = 'zh'): ShadowRoot {
  let root: ShadowRoot | null = null;
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  showReportPanel(document, { fillId: 'f', url: location.href, outcomes, crossOriginFrames: [], elapsedMs: 5 }, lang, { onUndo: () => undefined });
  spy.mockRestore();
  return root!;
}

const o = (id: string, status: FillOutcome['status'], reason?: string, suggestion?: FillOutcome['suggestion']): FillOutcome => ({ id, path: id, title: id, status, value: 'v', ...(reason ? { reason } : {}), ...(suggestion ? { suggestion } : {}) });

afterEach(() => document.getElementById('formkit-fill-report')?.remove());

describe('the in-page fill report', () => {
  it('shows problems first, keeps a 可能是 suggestion in view and folds away what the page does not ask for', () => {
    const absent = Array.from({ length: 40 }, (_, i) => o(`/absent/${i}`, 'not-found', 'no-field'));
    const root = openPanel([o('/a', 'filled'), ...absent, o('/b', 'failed', 'no-option'), o('/c', 'not-found', 'maybe', { label: '经办人', score: 0.6 }), o('/d', 'skipped', 'readonly')]);
    const visible = [...root.querySelectorAll('section > ul > li')].map((li) => li.className);
    expect(visible).toEqual(['s-failed', 's-skipped', 's-not-found', 's-filled']);
    expect(root.querySelector('section > ul')!.textContent).toContain('「经办人」？');
    const details = root.querySelector('details.absent') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelectorAll('li')).toHaveLength(40);
    expect(details.querySelector('summary')!.textContent).toContain('40 项本页没有对应字段');
    // the counts above still count every value
    expect(root.querySelector('.summary')!.textContent).toMatch(/41/);
  });

  it('has no folded part when every value found its field, and speaks English when asked', () => {
    expect(openPanel([o('/a', 'filled')]).querySelector('details')).toBeNull();
    document.getElementById('formkit-fill-report')?.remove();
    expect(openPanel([o('/a', 'filled'), o('/x', 'not-found', 'no-field')], 'en').querySelector('details summary')!.textContent).toBe('Draft values with no field on this page: 1 (show)');
  });
});
