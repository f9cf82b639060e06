import { describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { documentSchema } from '../../forms/core/pack/document-schema';
import { readPackDir } from '../../forms/node/load-pack-dir';
import type { Revision } from '../../forms/core/drafts/types';
import { changeSummary, diffData, groupSessions } from '../../forms/ui/drafts/revision-diff';

const pack = parsePack(readPackDir('schemas'));
const schema = documentSchema(pack, 'filing-enterprise');

describe('what a revision changed', () => {
  it('names changed fields by title, a list row by its row, and ignores unticked boxes', () => {
    const before = { institution: { name: '甲' }, evaluators: [{ name: '李明华' }], declaration: { signature: { sealed: false } } };
    const after = { institution: { name: '乙', uscc: '91310110666007217T' }, evaluators: [{ name: '李明华', idNumber: '11010519491231002X' }, { name: '陈志强' }] };
    const changes = diffData(schema, before, after, 'zh');
    expect(changes.map((c) => c.kind).sort()).toEqual(['added', 'added', 'added', 'changed']);
    expect(changes.find((c) => c.kind === 'changed')?.label).toBe('机构名称');
    const line = changeSummary(changes, 'zh');
    expect(line).toContain('机构名称');
    expect(line).toMatch(/考评人员.*第1行/);
    expect(line).toMatch(/第2行/);
    expect(changeSummary([], 'zh')).toBe('无内容变化');
  });

  it('groups saves into sessions split by a pause of half an hour', () => {
    const rev = (revision: number, at: string) => ({ revision, at }) as Revision;
    const sessions = groupSessions([rev(1, '2025-03-10T09:00:00Z'), rev(2, '2025-03-10T09:10:00Z'), rev(3, '2025-03-10T14:00:00Z')]);
    expect(sessions.map((s) => s.map((r) => r.revision))).toEqual([[3], [2, 1]]);
  });
});
