import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
      basis: { type: 'notice', label: '通知' },
    });
    expect(body.errors.find((e) => e.ruleId === 'notice-not-yet-in-force')).toMatchObject({ severity: 'warning', citation: { label: '四（一）' } });
    expect(body.errors.find((e) => e.path === '/institution')).toMatchObject({ severity: 'error' });
    expect(body.errors.find((e) => e.path === '/institution')).not.toHaveProperty('ruleId');
  });

  it('reads standard input and prints findings for people without --json', () => {
    const r = run(['validate', 'filing-enterprise', '-'], JSON.stringify({ ownership: 'other' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/! \/ownership .*属地管理.*〔一 enterprise-ownership-local-route〕/);
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

  it('occupation: a real occupation missing from the sample catalogue is unverified, a code outside the 大典 is not-allowed', () => {
    const car = { institutionType: 'enterprise', occupationCode: '4-12-01-01', level: '中级工', standardBasis: 'national-standard' };
    const r = runCli(['check', 'occupation', file('car.json', JSON.stringify(car))]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { outcome: string; catalogStatus: string; reasons: { ruleId: string; message: string }[] };
    expect(body).toMatchObject({ outcome: 'unverified', occupationName: '汽车维修工', catalogStatus: 'sample' });
    expect(body.reasons.map((x) => x.ruleId)).toEqual(['occupation-catalog-unverified']);
    expect(body.reasons[0].message).toMatch(/导入国家公布的可备案职业（工种）目录/);
    const refused = runCli(['check', 'occupation', file('car-no.json', JSON.stringify({ ...car, inFilingCatalog: false }))]);
    expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: 'not-allowed' });
    const unknown = runCli(['check', 'occupation', file('unknown.json', JSON.stringify({ ...car, occupationCode: '6-31-01-99' }))]);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ outcome: 'not-allowed', reasons: [{ ruleId: 'occupation-unknown-code' }] });
  });

  it('sanction: a breach of law adds referral to the tier\'s measures; referral without it is not allowed', () => {
    const both = run(['check', 'sanction', '-'], JSON.stringify({ tier: 'especially-serious', lawBreach: true, proposedMeasures: ['terminate-filing', 'refer-to-authorities'] }));
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ outcome: 'ok', allowedMeasures: ['terminate-filing', 'refer-to-authorities'], measuresOutsideTier: [] });
    const noFlag = runCli(['check', 'sanction', file('no-flag.json', JSON.stringify({ tier: 'especially-serious', proposedMeasures: ['terminate-filing', 'refer-to-authorities'] }))]);
    expect(JSON.parse(noFlag.stdout)).toMatchObject({ outcome: 'not-allowed', allowedMeasures: ['terminate-filing'], measuresOutsideTier: ['refer-to-authorities'] });
    const revoke = runCli(['check', 'sanction', file('revoke.json', JSON.stringify({ tier: 'general', certificateDataBreach: true, proposedMeasures: ['revoke-certificate-data'] }))]);
    expect(JSON.parse(revoke.stdout)).toMatchObject({ outcome: 'ok', allowedMeasures: ['interview-reminder', 'order-correction', 'revoke-certificate-data'] });
  });

  it('bad input names the problem and the allowed values', () => {
    expectBadInput(run(['check', 'weather', '-'], '{}'), /unknown check kind "weather".*route, occupation, renewal/);
    expectBadInput(run(['check', 'route', '-'], 'not json'), /不是有效的 JSON/);
    expectBadInput(run(['check', 'route', '-'], '{}'), /缺少必填字段 institutionType/);
    expectBadInput(run(['check', 'sanction', '-'], '{"tier":"severe"}'), /"severe".*minor, general, serious, especially-serious$/m);
    expectBadInput(run(['check', 'level', '-'], '{"targetLevel":"技师","age":"thirty","yearsInOccupation":3}'), /age.*整数/);
    // a breach of law is a flag beside the tier, not a tier: the retired value says what to send instead
    expectBadInput(run(['check', 'sanction', '-'], '{"tier":"illegal"}'), /tier.*"lawBreach": true.*\/.*set "lawBreach": true/);
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

describe('formkit on what the notice asks, obligation by obligation', { timeout: 180000 }, () => {
  const sample = (doc: string, name: string) => JSON.parse(readFileSync(`schemas/documents/${doc}/samples/${name}`, 'utf8')) as Record<string, any>;
  const validate = (doc: string, name: string, data: unknown) => {
    const r = runCli(['validate', doc, file(name, JSON.stringify(data)), '--json', '--today', '2025-09-15']);
    return JSON.parse(r.stdout) as { valid: boolean; errors: { path: string; severity: string; ruleId?: string; message: string; citation?: { label: string }; basis?: { type: string; label: string } }[] };
  };
  const finding = (body: ReturnType<typeof validate>, ruleId: string) => body.errors.find((e) => e.ruleId === ruleId);
  const student = () => {
    const d = sample('candidate-registration', 'valid-own-employee.json');
    d.institution.institutionType = 'school';
    d.relation = 'own-student';
    delete d.employment;
    d.study = { school: '上海示例职业技术学院', major: '电气自动化技术', studentNo: 'S2023001', fullTime: true, graduatingYear: false, expectedGraduation: '2028-06-30' };
    return d;
  };

  it('毕业学年: a school\'s first-year student cannot be registered', () => {
    const body = validate('candidate-registration', 'first-year.json', student());
    expect(finding(body, 'candidate-school-graduating-year')).toMatchObject({ severity: 'error', path: '/study/graduatingYear', citation: { label: '二（三）' } });
    expect(finding(body, 'candidate-graduating-year-matches-date')).toBeUndefined();
    const graduating = validate('candidate-registration', 'graduating.json', { ...student(), study: { ...student().study, graduatingYear: true, expectedGraduation: '2026-06-30' } });
    expect(finding(graduating, 'candidate-school-graduating-year')).toBeUndefined();
  });

  it('超范围: a candidate outside the institution\'s own filed scope is an error', () => {
    const d = { ...sample('candidate-registration', 'valid-own-employee.json'), filedScope: [{ code: '6-31-01-03', levels: ['初级工'] }] };
    const body = validate('candidate-registration', 'scope.json', d);
    expect(finding(body, 'candidate-within-filed-scope')).toMatchObject({ severity: 'error', message: expect.stringMatching(/不在本机构备案的职业（工种）、等级范围内/) });
  });

  it('申报条件: years after a certificate are capped by years worked; the source is the 2023 规程, unconfirmed', () => {
    const d = { ...sample('candidate-registration', 'valid-own-employee.json'), workYears: 0, diplomas: [] };
    const f = finding(validate('candidate-registration', 'years.json', d), 'candidate-eligible-for-level');
    expect(f).toMatchObject({ severity: 'warning', citation: { label: '《国家职业标准编制技术规程（2023年版）》' }, basis: { type: 'national', confirmed: false } });
    expect(f?.message).toMatch(/尚待核对/);
    expect(f?.message).not.toMatch(/《《/);
    const apprentice = JSON.parse(runCli(['check', 'level', file('apprentice.json', JSON.stringify({ targetLevel: '学徒工', age: 17, yearsInOccupation: 0 }))]).stdout) as { reasons: { message: string }[] };
    expect(apprentice.reasons.map((r) => r.message).join()).not.toMatch(/特级技师/);
  });

  it('三（三）1: a filing without internal quality supervision and accountability mechanisms is refused', () => {
    const d = sample('filing-enterprise', 'valid-central-soe.json');
    d.facilities.managementSystems = ['organisation', 'venues', 'staffing', 'equipment'];
    expect(finding(validate('filing-enterprise', 'no-quality.json', d), 'internal-quality-mechanisms')).toMatchObject({ severity: 'error', citation: { label: '三（三）1' } });
  });

  it('renewals and occupation adjustments apply the institution-type rules', () => {
    const d = sample('renewal', 'valid-with-changes.json');
    d.institution.institutionType = 'school';
    d.occupations[0].levels = ['高级工', '首席技师'];
    d.occupations[0].standardBasis = 'evaluation-spec';
    const body = validate('renewal', 'school-renewal.json', d);
    expect(finding(body, 'premium-levels-enterprise-only-renewal')).toMatchObject({ severity: 'error' });
    expect(finding(body, 'national-standard-only-renewal')).toMatchObject({ severity: 'error', citation: { label: '三（二）1' } });
  });

  it('private and other enterprises get the local route, stated as an interpretation', () => {
    const r = JSON.parse(runCli(['check', 'route', file('private.json', JSON.stringify({ institutionType: 'enterprise', ownership: 'other' }))]).stdout) as Record<string, unknown>;
    expect(r).toMatchObject({ outcome: 'interpretation', submitTo: 'district-hrss', consents: ['registration-district-industry-authority-or-hrss'] });
    expect(JSON.stringify(r)).toMatch(/此为解释，请向注册地所在区人社部门确认/);
  });

  it('violation records: an industry authority cannot decide alone; 限期整改 needs its deadline', () => {
    const d = sample('violation-institution', 'valid-serious.json');
    d.decidedBy = { kind: 'industry-authority', name: '上海市经济和信息化委员会' };
    delete d.rectificationDeadline;
    const body = validate('violation-institution', 'industry.json', d);
    expect(finding(body, 'violation-decided-by-hrss')).toMatchObject({ severity: 'error', citation: { label: '三（四）1' } });
    expect(body.errors.find((e) => e.path === '/rectificationDeadline')).toMatchObject({ severity: 'error' });
  });

  it('citations: the social organisation\'s consent rule cites 三（一）2, and no Chinese message carries a code', () => {
    const d = sample('filing-social-org', 'valid-association.json');
    d.consents.industryAuthority.date = '2099-01-01';
    const body = validate('filing-social-org', 'late-consent.json', d);
    expect(finding(body, 'industry-consent-before-application-social-org')).toMatchObject({ citation: { label: '三（一）2' } });
    const cand = { ...sample('candidate-registration', 'valid-own-employee.json'), level: '首席技师', institution: { ...sample('candidate-registration', 'valid-own-employee.json').institution, institutionType: 'social-org' } };
    const msg = finding(validate('candidate-registration', 'premium.json', cand), 'candidate-premium-level-enterprise-only')?.message;
    expect(msg).toMatch(/社会培训评价组织不能受理/);
    expect(msg).not.toMatch(/social-org/);
  });
});
