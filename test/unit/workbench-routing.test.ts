import { describe, expect, it } from 'vitest';
import { decodePrefill, encodePrefill } from '../../forms/core/drafts/prefill-codec';
import { parseRoute } from '../../forms/ui/workbench/route';

describe('workbench hash routes (a contract other parts link to)', () => {
  it('parses every route', () => {
    expect(parseRoute('')).toEqual({ name: 'documents' });
    expect(parseRoute('#/')).toEqual({ name: 'documents' });
    expect(parseRoute('#/drafts')).toEqual({ name: 'drafts' });
    expect(parseRoute('#/new/renewal')).toEqual({ name: 'new', docId: 'renewal' });
    expect(parseRoute('#/new/renewal?prefill=abc')).toEqual({ name: 'new', docId: 'renewal', prefill: 'abc' });
    expect(parseRoute('#/draft/d-1')).toEqual({ name: 'draft', draftId: 'd-1' });
    expect(parseRoute('#/whatever/x/y')).toEqual({ name: 'not-found', hash: '#/whatever/x/y' });
  });
  it('round-trips Chinese prefill data through base64url', () => {
    const data = { institution: { name: '上海示例电气集团有限公司' }, expiryDate: '2026-01-31' };
    const encoded = encodePrefill(data);
    expect(encoded).not.toMatch(/[+/=]/);
    expect(decodePrefill(encoded)).toEqual({ ok: true, data });
  });
  it('explains a bad prefill instead of throwing', () => {
    const r = decodePrefill('%%%not-base64');
    expect(r.ok).toBe(false);
    const arr = decodePrefill(encodePrefill([1, 2]));
    expect(arr).toMatchObject({ ok: false, zh: '预填数据必须是一个对象' });
  });
});
