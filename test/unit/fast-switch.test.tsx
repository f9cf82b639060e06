// @vitest-environment happy-dom
/**
 * The one fast-path switch (forms/ui/fast/switch.ts): with it off, a table's rows are live from the
 * first frame (no markup first), and the form holds the same values either way.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { activateReference } from '../../forms/core/reference/reference-context';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';
import { FAST_PATHS_KEY, fastPathOn, fastPathsOn, rereadFastSwitch } from '../../forms/ui/fast/switch';

let pack: Pack;
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});
afterEach(() => {
  cleanup();
  localStorage.removeItem(FAST_PATHS_KEY);
  rereadFastSwitch();
});

const rows = [
  { code: '6-31-01-03', levels: ['初级工'], standardBasis: 'national-standard', trade: '甲' },
  { code: '6-18-02-04', levels: ['中级工'], standardBasis: 'national-standard', trade: '乙' },
];
const open = () => render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={{ occupations: rows }} />);

describe('the fast-path switch', () => {
  it('on (the default): rows start as markup, which states values as attributes', () => {
    expect(fastPathsOn()).toBe(true);
    open();
    const trade = document.getElementById('root_occupations_1_trade') as HTMLInputElement;
    expect(trade.getAttribute('value')).toBe('乙');
    expect(trade.value).toBe('乙');
  });

  it('off: rows are live Preact rows from the start, with the same values', () => {
    localStorage.setItem(FAST_PATHS_KEY, 'off');
    rereadFastSwitch();
    expect(fastPathsOn()).toBe(false);
    open();
    const trade = document.getElementById('root_occupations_1_trade') as HTMLInputElement;
    // Preact sets the value property and never writes the attribute: no markup was drawn first
    expect(trade.getAttribute('value')).toBeNull();
    expect(trade.value).toBe('乙');
    expect((document.getElementById('root_occupations_0_trade') as HTMLInputElement).value).toBe('甲');
  });

  it('off for one trick by name: that trick only (the bench measures each this way)', () => {
    localStorage.setItem(FAST_PATHS_KEY, 'off:table-rows');
    rereadFastSwitch();
    expect(fastPathOn('table-rows')).toBe(false);
    open();
    const trade = document.getElementById('root_occupations_1_trade') as HTMLInputElement;
    expect(trade.getAttribute('value')).toBeNull();
    expect(trade.value).toBe('乙');
  });
});
