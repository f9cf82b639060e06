import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../forms/node/cli/main';

// Spawns the real `formkit` launcher (bin/formkit.mjs → tsx → bin/formkit.ts) as a user would.
const run = (args: string[], stdin?: string) => {
  const r = spawnSync(process.execPath, ['bin/formkit.mjs', ...args], { input: stdin, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'formkit-cli-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const expectBadInput = (r: ReturnType<typeof run>, pattern: RegExp) => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(pattern);
};

describe('formkit documents', { timeout: 180000 }, () => {
  it('lists id, title and version of every document', () => {
    const r = run(['documents', '--json']);
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.stdout) as { id: string; title: string; version: string }[];
    expect(docs.find((d) => d.id === 'filing-enterprise')).toEqual({ id: 'filing-enterprise', title: '企业职业技能等级评价机构备案申请', version: expect.any(String) });
    expect(run(['documents']).stdout).toMatch(/filing-enterprise\s+\S+\s+企业职业技能等级评价机构备案申请/);
  });
});

describe('formkit validate', { timeout: 180000 }, () => {
  const samples = 'schemas/documents/filing-enterprise/samples';
  it('exit 0 on a valid sample, with the documented JSON shape', () => {
    const r = run(['validate', 'filing-enterprise', `${samples}/valid-central-soe.json`, '--today', '2025-06-01', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.valid).toBe(true);
    expect(body.errors.every((e: { severity: string }) => e.severity === 'warning')).toBe(true);
  });

  it('exit 1 on an invalid sample; rule findings carry ruleId and citation', () => {
    for (const name of readdirSync(samples).filter((n) => /^invalid-.*(?<!\.expected)\.json$/.test(n))) {
      expect(run(['validate', 'filing-enterprise', `${samples}/${name}`, '--json']).code, name).toBe(1);
    }
    const bad = file('late-consent.json', JSON.stringify({ applicationDate: '2024-04-01', ownership: 'other', facilities: { videoSurveillance: false } }));
    const r = run(['validate', 'filing-enterprise', bad, '--json', '--today', '2025-06-01']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { valid: boolean; errors: Record<string, unknown>[] };
    expect(body.valid).toBe(false);
    expect(body.errors.find((e) => e.ruleId === 'video-surveillance')).toEqual({
      path: '/facilities/videoSurveillance',
      message: expect.stringContaining('视频监控'),
      severity: 'error',
      ruleId: 'video-surveillance',
      citation: { source: 'hrss-sh-2024-120', article: '3.2.5', label: '三（二）5' },
    });
    expect(body.errors.find((e) => e.ruleId === 'notice-not-yet-in-force')).toMatchObject({ severity: 'warning', citation: { label: '四（一）' } });
    expect(body.errors.find((e) => e.path === '/institution')).toMatchObject({ severity: 'error' });
    expect(body.errors.find((e) => e.path === '/institution')).not.toHaveProperty('ruleId');
  });

  it('reads standard input and prints findings for people without --json', () => {
    const r = run(['validate', 'filing-enterprise', '-'], JSON.stringify({ ownership: 'other' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/! \/ownership .*〔四（二） enterprise-ownership-not-covered〕/);
    expect(r.stdout).toMatch(/filing-enterprise：未通过/);
  });

  it('bad input: one line, exit 2, no stack trace', () => {
    expectBadInput(run(['validate', 'filing-enterprise', join(tmp, 'missing.json')]), /missing\.json: 文件不存在 \/ no such file/);
    expectBadInput(run(['validate', 'filing-enterprise', file('broken.json', '{"a": ')]), /broken\.json: 不是有效的 JSON/);
    expectBadInput(run(['validate', 'no-such-doc', file('ok.json', '{}')]), /unknown document "no-such-doc".*filing-enterprise/);
    expectBadInput(run(['validate', 'filing-enterprise', file('list.json', '[1, 2]')]), /顶层应为 JSON 对象.*list/);
    expectBadInput(run(['validate', 'filing-enterprise', file('str.json', '"x"')]), /must be a JSON object/);
    expectBadInput(run(['validate', 'filing-enterprise', tmp]), /is a directory/);
    expectBadInput(run(['validate', 'filing-enterprise', file('ok2.json', '{}'), '--today', '2025-02-30']), /--today 2025-02-30/);
    expectBadInput(run(['validate', 'filing-enterprise']), /missing input file/);
    expectBadInput(run(['frobnicate']), /unknown command "frobnicate"/);
    expectBadInput(run(['documents', '--colour']), /bad arguments/);
  });
});

describe('formkit check', { timeout: 180000 }, () => {
  it('prints the answer as JSON, exit 0 whatever the outcome', () => {
    const r = run(['check', 'renewal', '-'], JSON.stringify({ expiryDate: '2025-08-31', today: '2025-09-02' }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      outcome: 'missed',
      deadline: '2025-08-31',
      consequence: 'automatic-termination',
      reasons: [{ ruleId: 'renewal-missed', citation: { source: 'hrss-sh-2024-120', article: '3.4.3', label: '三（四）3' } }],
    });
    const s = run(['check', 'sanction', file('s.json', JSON.stringify({ tier: 'general', proposedMeasures: ['terminate-filing'] }))]);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ outcome: 'not-allowed', allowedMeasures: ['interview-reminder', 'order-correction'] });
  });

  it('bad input names the problem and the allowed values', () => {
    expectBadInput(run(['check', 'weather', '-'], '{}'), /unknown check kind "weather".*route, occupation, renewal/);
    expectBadInput(run(['check', 'route', '-'], 'not json'), /不是有效的 JSON/);
    expectBadInput(run(['check', 'route', '-'], '{}'), /缺少必填字段 institutionType/);
    expectBadInput(run(['check', 'sanction', '-'], '{"tier":"severe"}'), /"severe".*minor, general, serious, especially-serious, illegal/);
    expectBadInput(run(['check', 'level', '-'], '{"targetLevel":"技师","age":"thirty","yearsInOccupation":3}'), /age.*整数/);
    expectBadInput(run(['check', 'candidate', '-'], '{"institutionType":"enterprise","relation":"cousin"}'), /relation.*employee, dispatched-worker/);
  });
});

describe('formkit validate on every sample of every document', { timeout: 180000 }, () => {
  // in-process (same runCli the launcher calls): spawning 50+ processes would only measure tsx start-up
  const docs = readdirSync('schemas/documents');
  for (const doc of docs) {
    it(doc, () => {
      const dir = `schemas/documents/${doc}/samples`;
      for (const name of readdirSync(dir).filter((n) => !n.endsWith('.expected.json'))) {
        const r = runCli(['validate', doc, `${dir}/${name}`, '--json', '--today', '2025-06-01']);
        expect(r.stderr, name).toBe('');
        expect(r.code, name).toBe(name.startsWith('valid-') ? 0 : 1);
        const body = JSON.parse(r.stdout) as { valid: boolean; errors: { path: string; severity: string }[] };
        expect(body.valid, name).toBe(name.startsWith('valid-'));
        if (name.startsWith('invalid-')) expect(body.errors.some((e) => e.severity === 'error'), name).toBe(true);
      }
    });
  }
});
