// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateReference } from '../../forms/core/reference/reference-context';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';

// A table's rows are first drawn as markup (forms/ui/fast/static-row.tsx, the live row rendered to a
// string) and become live rows when reached into (lazy-row.tsx). Chromium checks the same pixel for pixel, and a choice set by a tool
// (Playwright's selectOption) on such a row (test/e2e/workbench.e2e.ts).
let pack: Pack;
afterEach(cleanup);
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});

function open(docId: string, initial: Record<string, unknown>, onData?: (d: Record<string, unknown>) => void, lang: 'zh' | 'en' = 'zh') {
  render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId={docId} lang={lang} initialData={initial} onData={onData} />);
}

const rows = [
  { code: '6-31-01-03', levels: ['初级工'], standardBasis: 'national-standard', trade: '甲' },
  { code: '6-18-02-04', levels: ['中级工'], standardBasis: 'national-standard', trade: '乙' },
];

/**
 * Every element of the tables' rows with what a user or a screen reader gets from it. Left out: the
 * `value` / `checked` / `selected` attributes (markup states the values as attributes, Preact as
 * properties: the properties are compared instead) and the attributes happy-dom does not reflect from
 * their properties (`spellcheck`).
 */
function rowsSnapshot() {
  const skip = new Set(['value', 'checked', 'selected', 'spellcheck']);
  return [...document.querySelectorAll('[role="rowgroup"] *')].map((el) => ({
    el,
    tag: el.localName,
    attrs: [...el.attributes]
      .filter((a) => !skip.has(a.name))
      .map((a) => `${a.name}=${a.value}`)
      .sort(),
    // a select's choice: happy-dom misreads `selected` in parsed markup, so the markup's marked option counts
    value:
      el instanceof HTMLSelectElement
        ? (el.querySelector('option[selected]')?.getAttribute('value') ?? el.value)
        : el instanceof HTMLInputElement
          ? el.value
          : undefined,
    checked: el instanceof HTMLInputElement ? el.checked : undefined,
    text: el.childElementCount === 0 ? el.textContent : undefined,
  }));
}

const wakeAll = () => {
  for (const row of document.querySelectorAll('.row-slot > .table-row')) fireEvent.pointerDown(row);
};

describe('table rows drawn as markup first', () => {
  it('shows the rows as markup until reached, then as live rows on the very same elements', () => {
    open('filing-enterprise', { occupations: rows });
    // markup states an input's value as an attribute; Preact never writes that attribute
    const trade = document.getElementById('root_occupations_1_trade') as HTMLInputElement;
    expect(trade.getAttribute('value')).toBe('乙');
    expect(trade.value).toBe('乙');
    fireEvent.focus(trade);
    expect(document.getElementById('root_occupations_1_trade')).toBe(trade);
    expect(trade.value).toBe('乙');
  });

  // renders every sample of every document (each with its materials checklist): minutes on a loaded machine
  it('is what the live row draws, for every table of every sample document', { timeout: 300000 }, () => {
    let tables = 0;
    for (const [docId, doc] of Object.entries(pack.documents)) {
      for (const [name, sample] of Object.entries(doc.samples)) {
        open(docId, structuredClone(sample) as Record<string, unknown>);
        const before = rowsSnapshot();
        if (before.length > 0) {
          tables += document.querySelectorAll('[role="rowgroup"]').length;
          wakeAll();
          const after = rowsSnapshot();
          // no element added, removed or replaced, and none changed
          expect(after.map((s) => s.el), `${docId}/${name}: elements`).toEqual(before.map((s) => s.el));
          expect(
            after.map(({ el: _e, ...rest }) => rest),
            `${docId}/${name}`,
          ).toEqual(before.map(({ el: _e, ...rest }) => rest));
        }
        cleanup();
      }
    }
    expect(tables).toBeGreaterThan(5); // the filing documents' occupation and staff tables
  });

  it('passes a box ticked on a row still drawn as markup to the form', async () => {
    let last: Record<string, unknown> = {};
    open('filing-enterprise', { occupations: rows }, (d) => (last = d));
    const box = document.getElementById('root_occupations_0_levels-4') as HTMLInputElement; // 技师
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect((last.occupations as { levels: string[] }[])[0].levels).toEqual(['初级工', '技师']));
    expect(box.checked).toBe(true);
  });

  it('draws the markup in the form language, as the live row does', () => {
    open('filing-enterprise', { occupations: rows }, undefined, 'en');
    const before = rowsSnapshot();
    const remove = document.querySelector('.row-slot .btn.remove');
    expect(remove?.getAttribute('aria-label')).toMatch(/^Remove/);
    wakeAll();
    expect(rowsSnapshot().map(({ el: _e, ...rest }) => rest)).toEqual(before.map(({ el: _e, ...rest }) => rest));
  });
});
