// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateReference } from '../../forms/core/reference/reference-context';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import type { SchemaEngine } from '../../forms/core/validation/types';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';

let pack: Pack;
afterEach(cleanup);
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});

describe('the filing-enterprise form (RJSF on Preact)', () => {
  it('renders sections with titles and required marks, and no error before the user touches anything', () => {
    render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={{}} />);
    expect(document.querySelector('.document-head h1')?.textContent).toBe('企业职业技能等级评价机构备案申请');
    expect(document.querySelector('#root_institution__title')?.textContent).toContain('机构基本信息');
    expect(document.querySelector('label[for="root_institution_uscc"] .req')).not.toBeNull();
    expect(document.querySelectorAll('.field-findings').length).toBe(0);
  });

  it('draws an opened document before validating it, then shows its findings, waiting for its validator module', async () => {
    const interpreter = createInterpreterEngine(pack);
    const calls: string[] = [];
    let arrive!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    // an engine whose validator module is still on its way (lazy-precompiled-engine.ts)
    const engine: SchemaEngine = {
      kind: 'precompiled',
      validate: (docId, data) => (calls.push(docId), interpreter.validate(docId, data)),
      preload: () => arrived,
    };
    const sample = structuredClone(Object.entries(pack.documents['filing-enterprise'].samples).find(([k]) => k.startsWith('valid-'))![1]) as {
      institution: { uscc: string };
    };
    sample.institution.uscc = '91310110666007217A'; // wrong check character
    render(<DocumentPage pack={pack} engine={engine} docId="filing-enterprise" lang="zh" initialData={sample as Record<string, unknown>} />);
    // the first render: the whole form, no validation yet
    expect((document.getElementById('root_institution_uscc') as HTMLInputElement).value).toBe('91310110666007217A');
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    expect(calls).toEqual([]); // still waiting for the module (up to a limit)
    arrive();
    // the prefilled field counts as touched: its finding shows without the user touching it
    await waitFor(() => expect(document.getElementById('root_institution_uscc__error')?.textContent).toContain('校验位不正确'));
    expect(calls.length).toBeGreaterThan(0);
  });

  it('shows the check-character error at the field once typed, with the field named', async () => {
    render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={{}} />);
    const input = document.getElementById('root_institution_uscc') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '91310110666007217a' } });
    fireEvent.blur(input);
    await waitFor(() => expect(document.getElementById('root_institution_uscc__error')?.textContent).toContain('统一社会信用代码：校验位不正确'));
    // what was typed is tidied once it reaches the form (upper case)
    await waitFor(() => expect(input.value).toBe('91310110666007217A'));
    fireEvent.input(input, { target: { value: '91310110666007217T' } });
    fireEvent.blur(input);
    await waitFor(() => expect(document.getElementById('root_institution_uscc__error')).toBeNull());
  });

  it('fills an occupation row name from its code', async () => {
    render(
      <DocumentPage
        pack={pack}
        engine={createInterpreterEngine(pack)}
        docId="filing-enterprise"
        lang="zh"
        initialData={{ occupations: [{ code: '', levels: [], standardBasis: 'national-standard' }] }}
      />,
    );
    const code = document.getElementById('root_occupations_0_code') as HTMLInputElement;
    fireEvent.input(code, { target: { value: '6-31-01-03' } });
    fireEvent.blur(code);
    await waitFor(() => expect((document.getElementById('root_occupations_0_name') as HTMLInputElement).value).toBe('电工'));
    expect(document.getElementById('root_occupations_0_code__name')?.textContent).toBe('电工');
  });
});

describe('typing is buffered', () => {
  it('commits to the form after a pause, not on every keystroke', async () => {
    const seen: unknown[] = [];
    render(
      <DocumentPage
        pack={pack}
        engine={createInterpreterEngine(pack)}
        docId="filing-enterprise"
        lang="zh"
        initialData={{}}
        onData={(d) => seen.push((d.institution as Record<string, unknown> | undefined)?.name)}
      />,
    );
    const input = document.getElementById('root_institution_name') as HTMLInputElement;
    for (const v of ['上', '上海', '上海示', '上海示例']) fireEvent.input(input, { target: { value: v } });
    const typed = () => seen.filter((v) => v !== undefined);
    expect(typed()).toEqual([]);
    await waitFor(() => expect(typed()).toEqual(['上海示例']));
  });
});

describe('no real React', () => {
  it('resolves react to preact/compat in tests', async () => {
    const react = (await import('react')) as unknown as Record<string, unknown>;
    const compat = (await import('preact/compat')) as unknown as Record<string, unknown>;
    expect(react.createElement).toBe(compat.createElement);
  });
  it('keeps real React out of the installed react alias', () => {
    const pkg = JSON.parse(readFileSync(join('node_modules', 'react', 'package.json'), 'utf8'));
    expect(pkg.name).toBe('@preact/compat');
    expect(readdirSync('node_modules/react')).not.toContain('cjs');
  });
});
