/**
 * Hostile and mistaken CLI input: every case answers at once with one line and exit 2 (or the
 * documented refusal), never a stack trace, a hang or a wrong answer with exit 0.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkPack } from '../../forms/core/editor/check-pack';
import { verifyPackFile } from '../../forms/core/signing/verify-pack';
import { runCli } from '../../forms/node/cli/main';
import { runPackCommand } from '../../forms/node/cli/pack-cli';
import { readPackDir } from '../../forms/node/load-pack-dir';

let dir: string;
let err: string[];
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'formkit-hard-'));
  err = [];
  out = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('pack keygen', () => {
  it('refuses to overwrite a key (exit 2) unless --force, and writes the private key readable by its owner only', async () => {
    expect(await runPackCommand(['keygen', '--out', dir])).toBe(0);
    const first = readFileSync(join(dir, 'private.jwk.json'), 'utf8');
    expect(await runPackCommand(['keygen', '--out', dir])).toBe(2);
    expect(err.join('\n')).toMatch(/private\.jwk\.json.*--force/);
    expect(readFileSync(join(dir, 'private.jwk.json'), 'utf8')).toBe(first);
    chmodSync(join(dir, 'private.jwk.json'), 0o644); // a file left world-readable before
    expect(await runPackCommand(['keygen', '--out', dir, '--force'])).toBe(0);
    expect(readFileSync(join(dir, 'private.jwk.json'), 'utf8')).not.toBe(first);
    expect(statSync(join(dir, 'private.jwk.json')).mode & 0o777).toBe(0o600);
  });
});

describe('pack build', () => {
  it('refuses a symlink inside the pack folder, naming it', async () => {
    const src = join(dir, 'schemas');
    cpSync('schemas', src, { recursive: true });
    writeFileSync(join(dir, 'secret.json'), '{"d":"private"}');
    symlinkSync(join(dir, 'secret.json'), join(src, 'reference', 'linked.json'));
    expect(await runPackCommand(['build', '--dir', src, '--out', join(dir, 'out.json')])).toBe(2);
    expect(err.join('\n')).toContain('linked.json');
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('answers a folder that is not a pack in one clean line', async () => {
    expect(await runPackCommand(['build', '--dir', '/etc', '--out', join(dir, 'out.json')])).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/not a pack folder|pack\.json/);
    expect(err[0]).not.toMatch(/^error: |EACCES|\s{4}at /);
  });

  it('refuses a deeply nested pack with a message, not a stack overflow (CLI, check and install)', async () => {
    const files = readPackDir('schemas');
    const deep = { ...files, 'reference/deep.json': nested(200_000) };
    const text = `{"format":"formkit-pack@1","hash":"x","files":{"reference/deep.json":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}}`;
    writeFileSync(join(dir, 'deep.json'), text);
    expect(await runPackCommand(['check', join(dir, 'deep.json')])).toBe(2);
    expect(err.join('\n')).toMatch(/nest/i);
    expect(checkPack(deep, { runCases: false }).map((p) => p.en).join()).toMatch(/nested too deeply/);
    const v = await verifyPackFile({ format: 'formkit-pack@1', hash: 'x', files: deep, signature: { alg: 'Ed25519', keyId: 'k', value: 'v' } }, []);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.en).toMatch(/nested too deeply/);
  });
});

describe('formkit check and validate', () => {
  it('an unknown input field is bad input (exit 2, named), not a wrong answer', () => {
    const f = join(dir, 'in.json');
    writeFileSync(f, JSON.stringify({ expiryDat: '2026-12-31', today: '2026-11-27' }));
    const r = runCli(['check', 'renewal', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expiryDat');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('document id %s is an unknown document', (id) => {
    const f = join(dir, 'd.json');
    writeFileSync(f, '{}');
    const r = runCli(['validate', id, f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown document');
    expect(r.stderr).not.toContain('internal error');
  });

  it('an endless input (/dev/zero) is refused at once with exit 2', () => {
    const r = runCli(['validate', 'filing-enterprise', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too large|过大/);
  });
});

describe('README', () => {
  it('names the key files keygen writes', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('private.jwk.json');
    expect(readme).toContain('public.jwk.json');
    expect(readme).not.toMatch(/private\.jwk(?!\.json)/);
  });
});
