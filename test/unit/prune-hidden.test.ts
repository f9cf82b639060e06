import { describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { pruneHidden } from '../../forms/core/schema/prune-hidden';
import { readPackDir } from '../../forms/node/load-pack-dir';

const pack = parsePack(readPackDir('schemas'));
const sample = <T = Record<string, unknown>>(docId: string, name: string): T =>
  structuredClone(pack.documents[docId].samples[name]) as T;
type Data = Record<string, unknown> & { consents?: Record<string, unknown> };

describe('pruneHidden: what leaves the kit carries only the sections that are showing', () => {
  it('drops the consents of an ownership route the applicant switched away from', () => {
    const data: Data = { ...sample<Data>('filing-enterprise', 'valid-central-soe.json') };
    delete data.ownership;
    const out = pruneHidden(pack, 'filing-enterprise', data) as Data;
    expect(out).not.toHaveProperty('consents');
    expect(out.institution).toEqual(data.institution);
    expect(out.occupations).toEqual(data.occupations);
  });

  it('keeps, inside a branch, only the fields that branch declares', () => {
    const data = sample<Data>('filing-enterprise', 'valid-central-soe.json');
    data.ownership = 'district-soe';
    data.consents = {
      ...data.consents,
      registrationDistrict: { by: 'district-hrss', authority: '杨浦区人力资源和社会保障局', date: '2025-02-20' },
    };
    const out = pruneHidden(pack, 'filing-enterprise', data) as Data;
    expect(Object.keys(out.consents!)).toEqual(['registrationDistrict']);
  });

  it('leaves the draft itself untouched, so switching back restores the hidden values', () => {
    const data: Data = { ...sample<Data>('filing-enterprise', 'valid-central-soe.json') };
    delete data.ownership;
    const before = structuredClone(data);
    pruneHidden(pack, 'filing-enterprise', data);
    expect(data).toEqual(before);
    const back = pruneHidden(pack, 'filing-enterprise', { ...data, ownership: 'municipal-soe' }) as Data;
    expect(back.consents).toEqual(before.consents);
  });

  it('follows the law-breach flag: a referral only stays while 违反法律法规 is ticked', () => {
    const data = sample<Data>('violation-institution', 'valid-serious.json');
    const breach = { ...data, lawBreach: true, measures: ['warning', 'refer-to-authorities'], referral: { department: 'public-security', date: '2025-06-20' } };
    expect(pruneHidden(pack, 'violation-institution', breach)).toHaveProperty('referral');
    const serious = pruneHidden(pack, 'violation-institution', { ...breach, lawBreach: false, measures: ['warning'] }) as Data;
    expect(serious).not.toHaveProperty('referral');
    expect(serious.measures).toEqual(['warning']);
  });

  it('keeps the rectification deadline only while 限期整改 is among the measures', () => {
    const data = sample<Data>('violation-institution', 'valid-serious.json');
    const withDeadline = { ...data, measures: ['warning', 'rectification-deadline'], rectificationDeadline: '2025-07-18' };
    expect(pruneHidden(pack, 'violation-institution', withDeadline)).toHaveProperty('rectificationDeadline', '2025-07-18');
    expect(pruneHidden(pack, 'violation-institution', { ...withDeadline, measures: ['warning'] })).not.toHaveProperty('rectificationDeadline');
  });

  it('drops an optional section whose switch is off (课证融通 plan, publication)', () => {
    const school = { ...sample<Data>('filing-school', 'valid-higher-vocational.json'), coursePilot: false };
    expect(pruneHidden(pack, 'filing-school', school)).not.toHaveProperty('coursePilotPlan');
    const assessment = { ...sample<Data>('annual-assessment', 'valid-annual.json'), published: false };
    expect(pruneHidden(pack, 'annual-assessment', assessment)).not.toHaveProperty('publication');
  });

  it('judges nested conditions (a staff member’s post only while the person is staff)', () => {
    const data: Data = { ...sample<Data>('violation-individual', 'valid-candidate-cheating.json'), staffRole: 'evaluator' };
    expect(pruneHidden(pack, 'violation-individual', data)).not.toHaveProperty('staffRole');
    const staff = { ...data, person: { ...(data.person as object), role: 'staff' } };
    expect(pruneHidden(pack, 'violation-individual', staff)).toHaveProperty('staffRole', 'evaluator');
  });

  it('drops properties no schema declares, also inside list rows', () => {
    const data = sample<Data>('filing-enterprise', 'valid-central-soe.json');
    const rows = data.occupations as Record<string, unknown>[];
    const out = pruneHidden(pack, 'filing-enterprise', {
      ...data,
      scratch: 'x',
      occupations: [{ ...rows[0], note: 'internal' }, rows[1]],
    }) as Data;
    expect(out).not.toHaveProperty('scratch');
    expect((out.occupations as Record<string, unknown>[])[0]).not.toHaveProperty('note');
    expect((out.occupations as Record<string, unknown>[])[0]).toEqual(rows[0]);
  });

  it('changes no valid sample of any document (they only hold showing fields)', () => {
    for (const docId of pack.manifest.documents) {
      for (const [name, data] of Object.entries(pack.documents[docId].samples)) {
        if (!name.startsWith('valid-')) continue;
        expect(pruneHidden(pack, docId, data), `${docId}/${name}`).toEqual(data);
      }
    }
  });
});
