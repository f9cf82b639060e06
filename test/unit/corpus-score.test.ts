/**
 * The autofill corpus's own bookkeeping (demo/corpus/, test/e2e/corpus-runner.ts): each page's
 * expected answers agree with the draft they are for, each page has its test-only map, and the
 * scorer counts what a user would count — a wrong value, a touched trap, a "filled" that is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FillOutcome } from '../../forms/core/fill/types';
import { CORPUS_MAPS_DIR, corpusPages, sameValue, score, type CorpusPage } from '../e2e/corpus-runner';

const draft = JSON.parse(readFileSync('schemas/documents/filing-enterprise/samples/valid-central-soe.json', 'utf8')) as Record<string, unknown>;
const at = (pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), draft);

const pages = corpusPages();

describe('the corpus pages', () => {
  it('are at least twelve, each asking for a dozen or more of the draft’s fields', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const p of pages) expect(Object.keys(p.fields).length, p.id).toBeGreaterThanOrEqual(12);
  });

  it('expect only what the draft holds: every path has a value there, every count is the list’s length', () => {
    for (const p of pages) {
      for (const [key, f] of Object.entries(p.fields)) {
        const v = at(f.path);
        expect(v, `${p.id} ${key} ${f.path}`).not.toBeUndefined();
        if (f.derived === 'count') expect(Number(f.value), `${p.id} ${key}`).toBe((v as unknown[]).length);
      }
    }
  });

  it('word their labels differently from each other: no label set repeats across pages', () => {
    const sets = pages.map((p) => Object.values(p.fields).map((f) => f.label).sort().join('|'));
    expect(new Set(sets).size).toBe(pages.length);
    const nameLabels = new Set(pages.map((p) => Object.values(p.fields).find((f) => f.path === '/institution/name')?.label));
    expect(nameLabels.size).toBeGreaterThanOrEqual(6);
  });

  it('each have a test-only portal map in demo/maps/ for their own path, never for another page', () => {
    for (const p of pages) {
      const map = JSON.parse(readFileSync(join(CORPUS_MAPS_DIR, `corpus-${p.id}.json`), 'utf8'));
      expect(map.id).toBe(`corpus-${p.id}`);
      expect(map.paths).toEqual([`/corpus/${p.id}/*`]);
      expect(p.page.startsWith(`/corpus/${p.id}/`)).toBe(true);
    }
  });
});

describe('scoring a filled page', () => {
  const page: CorpusPage = {
    id: 'x',
    title: 'x',
    page: '/corpus/x/index.html',
    fields: {
      name: { path: '/institution/name', label: '单位名称', value: '上海示例电气集团有限公司' },
      levels: { path: '/occupations/0/levels', label: '等级', value: ['五级', '四级'] },
      count: { path: '/evaluators', derived: 'count', label: '考评人员人数', value: 2 },
    },
  };
  const filled = (path: string): FillOutcome => ({ id: path, path, title: path, status: 'filled', value: '' });

  it('compares lists as sets and numbers as their text', () => {
    expect(sameValue(['四级', '五级'], ['五级', '四级'])).toBe(true);
    expect(sameValue(['五级'], ['五级', '四级'])).toBe(false);
    expect(sameValue('2', 2)).toBe(true);
    expect(sameValue(undefined, '')).toBe(true);
    expect(sameValue('310110', '杨浦区')).toBe(false);
  });

  it('counts correct fields over the fields the draft holds, and lists the wrong ones with what the report said', () => {
    const s = score(page, 'no-map', { fields: { name: '上海示例电气集团有限公司', levels: ['四级'], count: '2' }, traps: ['opacity'], touched: [] }, [filled('/institution/name')], 120, null);
    expect(s).toMatchObject({ held: 3, correct: 2, trapsTouched: [], falseReports: [], ms: 120 });
    expect(s.accuracy).toBeCloseTo(2 / 3);
    expect(s.wrong).toEqual([{ field: 'levels', expected: ['五级', '四级'], actual: ['四级'], report: 'not in the report' }]);
  });

  it('calls a "filled" false when the page holds something else, or has no such field at all', () => {
    const s = score(
      page,
      'no-map',
      { fields: { name: '', levels: ['五级', '四级'], count: 2 }, traps: [], touched: ['honeypot'] },
      [filled('/institution/name'), filled('/contact/position'), filled('/occupations/0/levels')],
      10,
      null,
    );
    expect(s.falseReports.map((f) => f.path)).toEqual(['/institution/name', '/contact/position']);
    expect(s.trapsTouched).toEqual(['honeypot']);
  });

  it('judges a derived value (derived:<id>) by the page field that summarises the same list the same way', () => {
    const right = score(page, 'no-map', { fields: { name: '', levels: [], count: '2' }, traps: [], touched: [] }, [filled('derived:evaluator-count')], 10, null);
    expect(right.falseReports).toEqual([]);
    const wrong = score(page, 'no-map', { fields: { name: '', levels: [], count: '3' }, traps: [], touched: [] }, [filled('derived:evaluator-count')], 10, null);
    expect(wrong.falseReports.map((f) => f.path)).toEqual(['derived:evaluator-count']);
    // a count of supervisors is not the page's count of evaluators
    const other = score(page, 'no-map', { fields: { name: '', levels: [], count: '2' }, traps: [], touched: [] }, [filled('derived:supervisor-count')], 10, null);
    expect(other.falseReports.map((f) => f.why)).toEqual(['reported filled, but the page has no field for it']);
  });

  it('judges a report for a whole list by every field under it', () => {
    const s = score(page, 'map', { fields: { name: '上海示例电气集团有限公司', levels: ['五级'], count: 2 }, traps: [], touched: [] }, [filled('/occupations')], 10, 'm');
    expect(s.falseReports.map((f) => f.path)).toEqual(['/occupations']);
  });
});
