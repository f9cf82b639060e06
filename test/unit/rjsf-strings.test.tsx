// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateReference } from '../../forms/core/reference/reference-context';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';

let pack: Pack;
afterEach(cleanup);
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});

const choices = (name: string) =>
  [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][id^="root_${name}-"]`)].map((i) => i.closest('label')?.textContent?.trim());

describe('RJSF’s own words follow the form’s language', () => {
  it('a yes/no question reads 是 / 否 in Chinese and Yes / No in English', () => {
    render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="renewal" lang="zh" initialData={{}} />);
    expect(choices('hasChanges')).toEqual(['是', '否']);
    cleanup();
    render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="renewal" lang="en" initialData={{}} />);
    expect(choices('hasChanges')).toEqual(['Yes', 'No']);
  });
});
