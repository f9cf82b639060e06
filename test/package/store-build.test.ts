/**
 * What the stores receive: the production builds in `.output/` (made by `npm test` or `npm run build` and
 * `npm run build:firefox` before this runs). Least privilege and no test fixture (forms/build/build-mode.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureMaps, loopbackGrants } from '../../forms/build/build-mode';

const OUT = resolve(import.meta.dirname, '../..', process.env.FORMKIT_OUT_DIR ?? '.output');

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const dir = resolve(OUT, target);
  const read = (file: string) => {
    const path = resolve(dir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` and \`npm run build:firefox\` first`);
    return readFileSync(path, 'utf8');
  };

  describe(`the store build for ${target}`, () => {
    it('grants no loopback host, asks for HTTPS hosts only when needed, and never allows eval', () => {
      const manifest = JSON.parse(read('manifest.json'));
      expect(loopbackGrants(manifest)).toEqual([]);
      expect(manifest.host_permissions ?? []).toEqual([]);
      expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
      expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|127\.0\.0\.1|localhost/);
    });

    it('bundles the pack without the demo portal maps, and with the real portals', () => {
      const pack = JSON.parse(read('pack.json')) as { files: Record<string, unknown> };
      expect(fixtureMaps(pack.files)).toEqual([]);
      expect(Object.keys(pack.files).filter((p) => p.startsWith('portals/')).length).toBeGreaterThan(0);
      expect(read('pack.json')).not.toMatch(/127\.0\.0\.1|localhost/);
    });

    it('carries its name, description and icons in both languages and every size the stores ask for', () => {
      const manifest = JSON.parse(read('manifest.json'));
      expect(manifest.default_locale).toBe('zh_CN');
      expect(manifest.name).toBe('__MSG_extName__');
      expect(manifest.description).toBe('__MSG_extDescription__');
      expect(manifest.action?.default_title).toBe('__MSG_extName__');
      for (const locale of ['zh_CN', 'en']) {
        const messages = JSON.parse(read(`_locales/${locale}/messages.json`));
        expect(messages.extName.message.length, locale).toBeGreaterThan(0);
        // Chrome Web Store: name ≤ 75 characters, description ≤ 132
        expect(messages.extName.message.length, locale).toBeLessThanOrEqual(75);
        expect(messages.extDescription.message.length, locale).toBeLessThanOrEqual(132);
      }
      for (const size of ['16', '32', '48', '96', '128']) {
        const icon = manifest.icons?.[size];
        expect(icon, `icons.${size}`).toBeTruthy();
        const png = readFileSync(resolve(dir, icon));
        expect(png.subarray(1, 4).toString(), icon).toBe('PNG');
        // width and height from the IHDR chunk
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon).toEqual([Number(size), Number(size)]);
      }
    });
  });
}

describe('Mozilla’s linter (web-ext lint) on the Firefox store build', () => {
  it('reports no error, and no warning that store/lint-explained.json does not explain', () => {
    const dir = resolve(OUT, 'firefox-mv3');
    const bin = resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');
    const r = spawnSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as Record<'errors' | 'warnings' | 'notices', { code: string; file?: string; message: string }[]>;
    expect(report.errors.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);
    const explained = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../store/lint-explained.json'), 'utf8')) as { warnings: { code: string; file: string }[] }).warnings;
    const unexplained = [...report.warnings, ...report.notices].filter((m) => !explained.some((e) => e.code === m.code && new RegExp(e.file).test(m.file ?? '')));
    expect(unexplained.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);
  });
});
