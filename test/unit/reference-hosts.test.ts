// @vitest-environment happy-dom
/**
 * Every host judges a draft against the same reference lists, taken from the pack it runs with:
 * the CLI (spawned as a user runs it) and the extension's own path (the bundled pack.json loaded as a
 * page loads it, the precompiled validators the workbench uses) must agree on a district that no
 * longer exists — 310108, the former 闸北区, merged into 静安区 in 2015.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateDocument } from '../../forms/core/validation/validate-document';
import { engineFor } from '../../forms/ui/engine';
import { loadActivePack } from '../../shared/active-pack';

const DOC = 'filing-enterprise';
const bundled = JSON.parse(readFileSync('generated/pack.json', 'utf8'));
const sample = JSON.parse(readFileSync(`schemas/documents/${DOC}/samples/valid-central-soe.json`, 'utf8'));
const draft = structuredClone(sample);
draft.sites[0].district = '310108';
const dir = mkdtempSync(join(tmpdir(), 'formkit-ref-'));
const file = join(dir, 'draft.json');
writeFileSync(file, JSON.stringify(draft));
const TODAY = '2025-06-01';

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(bundled))));
});
afterEach(() => vi.unstubAllGlobals());

const districtFindings = (findings: { path: string; message: string; severity: string }[]) =>
  findings.filter((f) => f.path === '/sites/0/district' && f.severity === 'error').map((f) => f.message);

describe('district 310108 (former 闸北区)', { timeout: 180000 }, () => {
  it('the CLI and the extension both reject it with 「不是上海市辖区」', async () => {
    // the extension: the page's pack, the build-time validators
    const active = await loadActivePack();
    const engine = engineFor(active.pack, active.hash);
    expect(engine.kind).toBe('precompiled');
    await engine.preload?.(DOC);
    const ext = validateDocument(active.pack, engine, DOC, draft, { today: TODAY });
    expect(ext.valid).toBe(false);
    expect(districtFindings(ext.findings)).toEqual([expect.stringContaining('不是上海市辖区')]);

    // the CLI, spawned as a user would run it, on the same draft
    const r = spawnSync(process.execPath, ['bin/formkit.mjs', 'validate', DOC, file, '--today', TODAY, '--json'], { encoding: 'utf8', timeout: 120000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const cli = JSON.parse(r.stdout) as { valid: boolean; errors: { path: string; message: string; severity: string }[] };
    expect(cli.valid).toBe(false);
    expect(districtFindings(cli.errors)).toEqual(districtFindings(ext.findings));
  });

  it('both accept the unchanged sample (the check is the list, not a blanket refusal)', async () => {
    const active = await loadActivePack();
    const engine = engineFor(active.pack, active.hash);
    await engine.preload?.(DOC);
    expect(validateDocument(active.pack, engine, DOC, sample, { today: TODAY }).valid).toBe(true);
    const r = spawnSync(process.execPath, ['bin/formkit.mjs', 'validate', DOC, `schemas/documents/${DOC}/samples/valid-central-soe.json`, '--today', TODAY], { encoding: 'utf8', timeout: 120000 });
    expect(r.status).toBe(0);
  });
});
