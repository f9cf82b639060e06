import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pack = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/formkit.mjs', 'pack', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'formkit-pack-cli-'));
  expect(pack('keygen', '--out', join(dir, 'keys')).code).toBe(0);
  expect(pack('build', '--out', join(dir, 'pack.json')).code).toBe(0);
  expect(pack('sign', join(dir, 'pack.json'), '--key', join(dir, 'keys/private.jwk.json'), '--out', join(dir, 'signed.json')).code).toBe(0);
}, 120000);

// each spawn starts tsx (seconds on a shared machine)
describe('formkit pack', { timeout: 120000 }, () => {
  it('verifies a signed pack (exit 0) and refuses a tampered one with the reason (exit 1)', () => {
    const ok = pack('verify', join(dir, 'signed.json'), '--key', join(dir, 'keys/public.jwk.json'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^valid: sh-skill-cert/);
    const signed = JSON.parse(readFileSync(join(dir, 'signed.json'), 'utf8'));
    signed.files['pack.json'].effective = '2020-01-01';
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(signed));
    const bad = pack('verify', join(dir, 'tampered.json'), '--key', join(dir, 'keys/public.jwk.json'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('refused (tampered)');
  });

  it('refuses an unsigned pack and a pack signed by another key (exit 1)', () => {
    expect(pack('verify', join(dir, 'pack.json'), '--key', join(dir, 'keys/public.jwk.json'))).toMatchObject({ code: 1, err: expect.stringContaining('unsigned') });
    pack('keygen', '--out', join(dir, 'other'));
    expect(pack('verify', join(dir, 'signed.json'), '--key', join(dir, 'other/public.jwk.json'))).toMatchObject({ code: 1, err: expect.stringContaining('untrusted') });
  });

  it('answers bad input with one line and exit 2', () => {
    const missing = pack('verify', join(dir, 'nope.json'), '--key', join(dir, 'keys/public.jwk.json'));
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    writeFileSync(join(dir, 'garbage.json'), '{not json');
    expect(pack('check', join(dir, 'garbage.json'))).toMatchObject({ code: 2, err: expect.stringContaining('not JSON') });
    expect(pack('sign', join(dir, 'pack.json'), '--key', join(dir, 'keys/public.jwk.json'), '--out', join(dir, 'x.json'))).toMatchObject({ code: 2, err: expect.stringContaining('private JWK') });
  });

  it('checks a pack: the shipped one passes, a catastrophic regex and a __proto__ key are refused with their location', () => {
    expect(pack('check', 'schemas')).toMatchObject({ code: 0 });
    const built = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
    built.files['documents/filing-enterprise/schema.json'].properties.nickname = { type: 'string', pattern: '(x+x+)+y' };
    const text = JSON.stringify(built).replace('"synonyms":', '"__proto__":{"admin":true},"synonyms":');
    writeFileSync(join(dir, 'evil.json'), text);
    const r = pack('check', join(dir, 'evil.json'), '--json');
    expect(r.code).toBe(1);
    const wheres = JSON.parse(r.out).problems.map((p: { where: string }) => p.where);
    expect(wheres).toContain('reference/synonyms.json#/__proto__');
    delete built.files['reference/synonyms.json'];
    writeFileSync(join(dir, 'regex.json'), JSON.stringify(built));
    const r2 = pack('check', join(dir, 'regex.json'));
    expect(r2.code).toBe(1);
    expect(r2.out).toContain('documents/filing-enterprise/schema.json#/properties/nickname/pattern: pattern');
    expect(r2.out).toContain('catastrophic backtracking');
  });

  it('diffs two packs by field title', () => {
    const built = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
    built.files['pack.json'].version = '1.1.0';
    built.files['documents/filing-enterprise/schema.json'].properties.website = { type: 'string', title: '机构网站' };
    writeFileSync(join(dir, 'next.json'), JSON.stringify(built));
    const r = pack('diff', join(dir, 'pack.json'), join(dir, 'next.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('→ 1.1.0');
    expect(r.out).toContain('+ 机构网站 (/website)');
  });
});
