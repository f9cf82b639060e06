import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentSchema } from '../../forms/core/pack/document-schema';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { pruneHidden } from '../../forms/core/schema/prune-hidden';
import { fieldAt } from '../../forms/core/schema/field-schema';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { valueFormatter } from '../../forms/ui/print/print-model';
import { encodePrefill } from '../../forms/core/drafts/prefill-codec';
import { launchExtension, type ExtensionSession } from './harness';

// Each document printed to PDF by Chromium from the workbench: A4, and the text of every filled
// field — as the print view words it (labels for codes, names for districts) — is in the PDF.
const pack = parsePack(readPackDir(resolve(import.meta.dirname, '../../schemas')));
const ids = pack.manifest.documents;
const SHOTS = resolve(import.meta.dirname, '../../.output-e2e/print');
const A4 = { w: 595.28, h: 841.89 };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Every filled scalar of the data with its JSON pointer. */
function leaves(v: unknown, at = '', out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${at}/${i}`, out));
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) leaves(x, `${at}/${k}`, out);
  else if (v !== undefined && v !== null && v !== '') out.push([at, v]);
  return out;
}

function uiAt(ui: Obj, pointer: string): Obj | undefined {
  let cur: unknown = ui;
  for (const seg of pointer.split('/').slice(1)) cur = isObj(cur) ? (/^\d+$/.test(seg) ? cur.items : cur[seg]) : undefined;
  return isObj(cur) ? cur : undefined;
}

/** What the printed page must show for each filled field. */
function expectedTexts(docId: string, data: unknown): string[] {
  const root = documentSchema(pack, docId);
  const ui = pack.documents[docId].ui as Obj;
  const fmt = valueFormatter(pack, 'zh');
  const out: string[] = [];
  for (const [pointer, value] of leaves(pruneHidden(pack, docId, data))) {
    // not on paper: whether a seal is on (the seal box is), a file's hash, type and store id (its name and size are)
    if (/\/signature\/sealed$|\/(sha256|blobId|type|size)$/.test(pointer)) continue;
    const schema = fieldAt(root, pointer).schema ?? {};
    // a long yes/no sentence (a commitment) prints as ☑ before its words, not as 是
    if (typeof value === 'boolean' && String(schema.title ?? '').length > 24) continue;
    const own = uiAt(ui, pointer);
    // a multiple choice keeps its labels on the list, not on each entry
    const parent = pointer.replace(/\/\d+$/, '');
    const labels = own?.['ui:enumNames'] ? own : parent !== pointer ? uiAt(ui, parent) : own;
    const text = fmt(schema, labels, value);
    if (text) out.push(text);
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('printing every document ', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the print button prints the page', async () => {
    const page = await s.open(`workbench.html#/new/renewal`);
    await page.locator('.print-button').waitFor();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.locator('.print-button').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.close();
  });

  describe.each(ids)('%s', (docId) => {
    const [name, data] = Object.entries(pack.documents[docId].samples).find(([n]) => n.startsWith('valid-'))!;

    it(`${name}: prints on A4 with the title, numbered sections, the seal box and every filled value`, async () => {
      const page = await s.open(`workbench.html#/new/${docId}?prefill=${encodePrefill(data)}`);
      await page.locator(`main[data-doc-id="${docId}"] .document-head h1`).waitFor();
      // once checked clean the paper is no draft (before the first check it would say 草稿)
      await page.locator(`main[data-doc-id="${docId}"][data-checked="yes"]`).waitFor();
      // printing at once, before the print view's idle-time draw: the browser fires beforeprint on
      // Ctrl+P / 打印 (page.pdf does not, so the test does what the browser would)
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.print-view').isVisible()).resolves.toBe(true);
      await expect(page.locator('form').first().isVisible()).resolves.toBe(false);
      await page.screenshot({ path: `${SHOTS}/${docId}.png`, fullPage: true });
      const pdfBytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pdf = await getDocumentProxy(new Uint8Array(pdfBytes));
      const [, , w, h] = (await pdf.getPage(1)).view;
      expect(Math.abs(w - A4.w)).toBeLessThan(2);
      expect(Math.abs(h - A4.h)).toBeLessThan(2);
      const { text } = await extractText(pdf, { mergePages: true });
      const printed = squash(text);
      expect(printed).toContain(squash(String(pack.documents[docId].schema.title)));
      expect(printed).toContain('一、');
      expect(printed).toContain('盖章');
      // ready to stamp: page numbers, dates as written on paper, no hashes
      expect(printed).toMatch(/第1页共\d+页/);
      expect(printed).not.toMatch(/SHA-256/);
      // dates as 2025年3月10日; words the user typed (a remark naming “2025-06-02 批次”) print as typed
      const typed = leaves(data)
        .filter(([p, v]) => typeof v === 'string' && fieldAt(documentSchema(pack, docId), p).schema?.format !== 'date')
        .map(([, v]) => squash(String(v)));
      const dated = typed.reduce((t, v) => t.split(v).join(' '), printed);
      expect(dated).not.toMatch(/(?<![\d-])(19|20)\d{2}-\d{2}-\d{2}(?!\d)/);
      if (!(await page.locator('.print-view .pv-watermark').count())) {
        const pngBase = `${SHOTS}/${docId}`;
        await page.pdf({ path: `${pngBase}.pdf`, preferCSSPageSize: true, printBackground: true });
      }
      const missing = expectedTexts(docId, data).filter((t) => !printed.includes(squash(t)));
      expect(missing).toEqual([]);
      await page.close();
    });
  });
});
