// @vitest-environment happy-dom
/** An older signed pack does not silently replace a newer one: the institution is asked, and "no" installs nothing. */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { OLDER_PACK_WARNING } from '../../forms/core/signing/install-order';
import { generateSigningKeys, trustedKeyFrom } from '../../forms/core/signing/keys';
import { signPack } from '../../forms/core/signing/sign-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { InstallPanel } from '../../forms/ui/editor/InstallPanel';
import { loadInstalled, saveTrustedKeys } from '../../forms/ui/editor/editor-storage';
import { resetExtensionStore } from '../../shared/storage/extension-store';

const files = readPackDir('schemas');
const inUse = parsePack(files);
const current = inUse.manifest.version;
// one patch step below the pack in use (1.1.0 → 1.0.9 style, numerically older)
const older = current.replace(/^(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string) => (Number(c) > 0 ? `${a}.${b}.${Number(c) - 1}` : `${a}.${Number(b) - 1}.99`));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('installing an older pack', () => {
  it('asks before downgrading; declined, nothing is installed; confirmed, the older pack is installed', async () => {
    const keys = await generateSigningKeys();
    await saveTrustedKeys([await trustedKeyFrom(keys.publicJwk, '发布机构')]);
    const signed = await signPack({ ...files, 'pack.json': { ...(files['pack.json'] as object), version: older } }, keys.privateJwk);
    const asked: string[] = [];
    let answer = false;
    vi.stubGlobal('confirm', (q: string) => (asked.push(q), answer));
    render(<InstallPanel lang="zh" active={{ pack: inUse, hash: 'bundled', origin: 'bundled' }} onInstalled={() => undefined} />);
    const pick = () =>
      fireEvent.change(screen.getByTestId('pack-file'), { target: { files: [new File([JSON.stringify(signed)], 'older.json', { type: 'application/json' })] } });

    pick();
    fireEvent.click(await screen.findByText('确认安装', undefined, { timeout: 20000 }));
    await screen.findByText('未安装：保留当前较新的版本');
    expect(asked).toEqual([OLDER_PACK_WARNING.zh(current, older)]);
    expect(await loadInstalled()).toBeUndefined();

    answer = true;
    pick();
    fireEvent.click(await screen.findByText('确认安装', undefined, { timeout: 20000 }));
    await waitFor(() => expect(document.body.textContent).toContain(`已安装 ${inUse.manifest.id} ${older}`), { timeout: 20000 });
    expect((await loadInstalled())?.hash).toBe(signed.hash);
  });
});
