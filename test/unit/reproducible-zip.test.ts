import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeZip, reproducibleZip, trackedFiles, zipDate } from '../../forms/build/reproducible-zip';

const files = [
  { name: 'manifest.json', content: '{"name":"__MSG_extName__"}' },
  { name: 'chunks/b.js', content: 'export const b = 2;' },
  { name: 'icon/16.png', content: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) },
  { name: '_locales/zh_CN/messages.json', content: '{"extName":{"message":"技能等级认定表单助手"}}' },
];

/** A zip as `wxt zip` makes it: entries in the order given, stamped with the time of zipping. */
async function zipLikeWxt(entries: typeof files, date: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.content, { date });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('reproducible zips', () => {
  it('two zips of the same files, listed in another order at another time, are the same bytes once normalised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    writeFileSync(a, await zipLikeWxt(files, new Date('2026-12-04T10:00:00Z')));
    writeFileSync(b, await zipLikeWxt([...files].reverse(), new Date('2026-12-05T23:59:58Z')));
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).not.toBe(0);
    await normalizeZip(a);
    await normalizeZip(b);
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
    // and nothing was lost on the way
    const back = await JSZip.loadAsync(readFileSync(a));
    expect(Object.keys(back.files).filter((n) => !back.files[n].dir)).toEqual([...files.map((f) => f.name)].sort());
    expect(await back.file('_locales/zh_CN/messages.json')!.async('string')).toBe(files[3].content);
    expect([...(await back.file('icon/16.png')!.async('uint8array'))]).toEqual([...(files[2].content as Uint8Array)]);
    expect(back.file('manifest.json')!.date.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('changes when a file changes', async () => {
    const one = await reproducibleZip(files);
    const other = await reproducibleZip(files.map((f) => (f.name === 'chunks/b.js' ? { ...f, content: 'export const b = 3;' } : f)));
    expect(Buffer.compare(Buffer.from(one), Buffer.from(other))).not.toBe(0);
  });

  it('dates every entry SOURCE_DATE_EPOCH when it is set, and a fixed date otherwise', () => {
    expect(zipDate({ SOURCE_DATE_EPOCH: '1714521600' }).toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(zipDate({}).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(zipDate({ SOURCE_DATE_EPOCH: 'soon' }).toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('makes the sources zip from what git tracks: the lock in, build output and scratch files out', () => {
    const tracked = trackedFiles(process.cwd());
    if (tracked === null) return; // a build from unpacked sources has no git: WXT's own list is used there
    expect(tracked).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'extension/public/icon/128.png']));
    expect(tracked.filter((f) => /^(\.output|generated|node_modules|screenshots|test-results)\//.test(f))).toEqual([]);
  });
});
