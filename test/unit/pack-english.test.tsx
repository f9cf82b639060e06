// @vitest-environment happy-dom
/**
 * The pack carries its English (schemas/i18n/en.json): every text it shows has a translation, and in
 * English the form, the document list and the messages use it.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { missingTranslations } from '../../forms/core/i18n/pack-texts';
import { packText, schemaIn } from '../../forms/core/i18n/pack-translation';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { JsonSchema } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { validateDocument } from '../../forms/core/validation/validate-document';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';
import { DocumentList } from '../../forms/ui/workbench/DocumentList';

const files = readPackDir('schemas');
const pack = parsePack(files);
afterEach(cleanup);

describe('the pack in English', () => {
  it('translates every text the shipped pack shows (npm run i18n:missing lists any gap)', () => {
    const missing = missingTranslations(files).map((m) => `${m.zh}  (${m.where})`);
    expect(missing, `add these to schemas/i18n/en.json:\n${missing.join('\n')}`).toEqual([]);
  });

  it('notices a text added without its English', () => {
    const schema = structuredClone(files['documents/renewal/schema.json']) as JsonSchema;
    (schema.properties as Record<string, JsonSchema>).applicationDate.title = '新加的字段标题';
    expect(missingTranslations({ ...files, 'documents/renewal/schema.json': schema }).map((m) => m.zh)).toEqual(['新加的字段标题']);
  });

  it('names every built-in rule case in Chinese, with its English in the table', () => {
    const names: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.cases)) for (const c of o.cases) names.push(String((c as { name?: unknown }).name));
      for (const [k, v] of Object.entries(o)) if (k !== 'cases') walk(v);
    };
    for (const [file, value] of Object.entries(files)) if (file.endsWith('rules.json') || file.startsWith('rules/')) walk(value);
    expect(names.length).toBeGreaterThan(200);
    // Chinese, and no English word in it (codes and numbers are fine)
    expect(names.filter((n) => !/[\u4e00-\u9fff]/.test(n) || /[A-Za-z]{3,}/.test(n))).toEqual([]);
    expect(names.filter((n) => packText(pack, n, 'en') === n)).toEqual([]);
    // a case added without its English is listed
    const rules = structuredClone(files['rules/filing.json']) as { rules: { cases: { name: string }[] }[] };
    rules.rules[0].cases[0].name = '新加的用例';
    expect(missingTranslations({ ...files, 'rules/filing.json': rules }).map((m) => m.zh)).toEqual(['新加的用例']);
  });

  it('shows the form with English titles, and the document list with English names', () => {
    render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="en" initialData={{}} />);
    expect(document.querySelector('.document-head h1')?.textContent).toBe('Enterprise skill-level evaluation institution filing');
    expect(document.querySelector('#root_institution__title')?.textContent).toContain('Institution details');
    expect(document.body.textContent).not.toContain('机构基本信息');
    cleanup();
    render(<DocumentList pack={pack} lang="en" />);
    expect(document.querySelector('[data-doc-id="renewal"] h2')?.textContent).toBe("Renewal of an evaluation institution's filing");
  });

  it('names fields by their English titles in English messages, Chinese in Chinese', () => {
    const data = { institution: { uscc: '91310110666007217X' } };
    const at = (lang: 'zh' | 'en') =>
      validateDocument(pack, createInterpreterEngine(pack), 'filing-enterprise', data, { lang, today: '2025-06-01' }).findings.find((f) => f.path === '/institution/uscc')?.message;
    expect(at('zh')).toMatch(/^统一社会信用代码：/);
    expect(at('en')).toMatch(/^Unified social credit code: /);
  });

  it('leaves property names alone: a field called "title" is a name, not a text', () => {
    const schema: JsonSchema = { title: '申请日期', properties: { title: { type: 'string', title: '日期' } } };
    const en = schemaIn(pack, schema, 'en');
    expect(Object.keys(en.properties as object)).toEqual(['title']);
    expect(en.title).toBe('Date of application');
    expect(((en.properties as Record<string, JsonSchema>).title).title).toBe('Date');
    expect(packText(pack, { zh: '中文', en: 'Own English' }, 'en')).toBe('Own English');
    expect(packText(pack, '从未翻译的文字', 'en')).toBe('从未翻译的文字');
  });
});
