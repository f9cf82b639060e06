import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { fieldIdOf } from '../../forms/ui/theme/form-context';
import { encodePrefill } from '../../forms/core/drafts/prefill-codec';
import { seriousViolations } from './axe';
import { launchExtension, type ExtensionSession } from './harness';

// Every document of the pack in the extension's workbench : it renders, its valid sample
// submits with no error, each invalid sample shows its expected errors, and axe finds no serious
// or critical accessibility problem.
const pack = parsePack(readPackDir(resolve(import.meta.dirname, '../../schemas')));
const ids = pack.manifest.documents;

async function openDocument(s: ExtensionSession, docId: string, data?: unknown): Promise<Page> {
  const page = await s.open(`workbench.html#/new/${docId}${data ? `?prefill=${encodePrefill(data)}` : ''}`);
  await page.locator(`main[data-doc-id="${docId}"] .document-head h1`).waitFor();
  return page;
}

describe('every document in the workbench ', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists all documents of the pack with their titles', async () => {
    const page = await s.open('workbench.html#/');
    await page.waitForSelector('.doc-card');
    for (const id of ids) {
      await expect(page.locator(`[data-doc-id="${id}"] h2`).textContent(), id).resolves.toBe(String(pack.documents[id].schema.title));
    }
    await page.close();
  });

  describe.each(ids)('%s', (docId) => {
    const doc = pack.documents[docId];
    const samples = Object.entries(doc.samples).filter(([n]) => !n.endsWith('.expected.json'));

    it('renders empty, every control labelled, with no serious accessibility problem', async () => {
      const page = await openDocument(s, docId);
      await expect(page.locator('.document-head h1').textContent()).resolves.toBe(String(doc.schema.title));
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    for (const [name, data] of samples.filter(([n]) => n.startsWith('valid-'))) {
      it(`${name}: loads, submits with no error, and stays accessible when filled`, async () => {
        const page = await openDocument(s, docId, data);
        await page.locator('button.submit').click();
        const ok = page.locator('.submitted-ok');
        const errors = page.locator('.summary .finding.error');
        await Promise.race([ok.waitFor(), errors.first().waitFor()]);
        expect(await errors.allTextContents()).toEqual([]);
        await expect(ok.count()).resolves.toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });
    }

    for (const [name, data] of samples.filter(([n]) => n.startsWith('invalid-'))) {
      it(`${name}: shows each expected error in the summary and at its field`, async () => {
        const expected = (doc.samples[name.replace(/\.json$/, '.expected.json')] as { errors: { path: string; keyword: string }[] }).errors;
        const page = await openDocument(s, docId, data);
        await page.locator('button.submit').click();
        await page.locator('.summary .finding.error').first().waitFor();
        for (const e of expected) {
          const id = fieldIdOf(e.path);
          // a missing block that the form creates on display (a branch with defaults) reports inside it
          const at = e.keyword === 'required' ? `a[href="#${id}"], a[href^="#${id}_"]` : `a[href="#${id}"]`;
          const link = page.locator('.summary li.finding.error').locator(at);
          await expect(link.count(), `${e.path} ${e.keyword} in the summary`).resolves.toBeGreaterThan(0);
          // where the field has its own place in the form, the message is shown there too
          const inline = page.locator(`[id="${id}__error"]`);
          if (await inline.count()) await expect(inline.textContent(), `${e.path} at the field`).resolves.toBeTruthy();
        }
        await expect(page.locator('.submitted-ok').count()).resolves.toBe(0);
        await page.close();
      });
    }
  });

  it('logged no console error or CSP violation', () => {
    expect(s.problems).toEqual([]);
  });
});
