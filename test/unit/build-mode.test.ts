import { describe, expect, it } from 'vitest';
import { buildOutDir, isLoopbackPattern, loopbackGrants, stripLoopbackHosts, withoutFixtures } from '../../forms/build/build-mode';
import { readPackDir } from '../../forms/node/load-pack-dir';

const map = (id: string, origins: string[]) => ({ id, title: { zh: id }, origins, documents: {} });

describe('what a store build leaves out', () => {
  it('knows a loopback host in every spelling a map or manifest uses', () => {
    for (const p of ['http://127.0.0.1:*', 'http://localhost/*', 'http://LOCALHOST:5174', 'http://[::1]:8080/*', '*://127.0.0.2/*', 'http://demo.localhost:*']) {
      expect(isLoopbackPattern(p), p).toBe(true);
    }
    for (const p of ['https://*/*', 'https://rsj.sh.gov.cn', 'https://localhost.example.org/*', 'https://127.0.0.1.nip.io/*', '<all_urls>', 'storage']) {
      expect(isLoopbackPattern(p), p).toBe(false);
    }
  });

  it('drops every portal map that only points at this machine, whatever it is called, and keeps the rest of the pack', () => {
    const files = {
      'pack.json': { id: 'p' },
      'portals/rsj.json': map('rsj', ['https://rsj.sh.gov.cn']),
      'portals/local-antd.json': map('local-antd', ['http://localhost:*', 'http://[::1]:*']),
      'portals/demo-x.json': map('demo-x', ['http://127.0.0.1:*']),
      'reference/origins.json': { origins: ['http://127.0.0.1:*'] },
    };
    const r = withoutFixtures(files);
    expect(r.dropped.sort()).toEqual(['portals/demo-x.json', 'portals/local-antd.json']);
    expect(Object.keys(r.files).sort()).toEqual(['pack.json', 'portals/rsj.json', 'reference/origins.json']);
    expect(r.problems).toEqual([]);
  });

  it('refuses a real portal map with a loopback origin beside its real one, naming the file', () => {
    const r = withoutFixtures({ 'portals/mixed.json': map('mixed', ['https://zwdt.sh.gov.cn', 'http://127.0.0.1:*']) });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].file).toBe('portals/mixed.json');
    expect(r.problems[0].zh).toMatch(/127\.0\.0\.1/);
  });

  it('leaves no demo portal map of this repository’s pack in a store build', () => {
    const all = readPackDir('schemas');
    const r = withoutFixtures(all);
    expect(r.problems).toEqual([]);
    const kept = Object.entries(r.files).filter(([p]) => p.startsWith('portals/'));
    expect(kept.length).toBeGreaterThan(0);
    for (const [p, m] of kept) expect((m as { origins: string[] }).origins.some(isLoopbackPattern), p).toBe(false);
  });

  it('takes loopback hosts out of a generated manifest and nothing else', () => {
    const manifest: Record<string, unknown> = {
      permissions: ['storage', 'activeTab', 'scripting'],
      host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
      optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
      content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['a.js'] }, { matches: ['https://rsj.sh.gov.cn/*'], js: ['b.js'] }],
    };
    expect(loopbackGrants(manifest)).toHaveLength(5);
    stripLoopbackHosts(manifest);
    expect(manifest).toEqual({
      permissions: ['storage', 'activeTab', 'scripting'],
      optional_host_permissions: ['https://*/*'],
      content_scripts: [{ matches: ['https://rsj.sh.gov.cn/*'], js: ['b.js'] }],
    });
    expect(loopbackGrants(manifest)).toEqual([]);
  });

  it('writes a test build apart from the store build', () => {
    expect(buildOutDir({})).toBe('.output');
    expect(buildOutDir({ FORMKIT_TEST: '1' })).toBe('.output-test');
    expect(buildOutDir({ FORMKIT_TEST: '1', FORMKIT_OUT_DIR: '/tmp/x' })).toBe('/tmp/x-test');
  });
});
