import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeFromText, resolveOccupation, searchOccupations, type OccupationEntry } from '../../forms/core/formats/occupation-search';

const occupations = (JSON.parse(readFileSync('schemas/reference/occupations-2022.json', 'utf8')) as { occupations: OccupationEntry[] }).occupations;
const catalogue = new Set(
  (JSON.parse(readFileSync('schemas/reference/filing-catalog.json', 'utf8')) as { entries: OccupationEntry[] }).entries.map((e) => e.code),
);

describe('finding an occupation by what a clerk types', () => {
  it('puts the exact name first, before the names that merely contain it', () => {
    const m = searchOccupations('电工', occupations, catalogue);
    expect(m[0]).toMatchObject({ code: '6-31-01-03', name: '电工', rank: 'exact', filable: true });
    expect(m.slice(1).every((x) => x.rank !== 'exact')).toBe(true);
  });

  it('ranks names starting with the text before names containing it, catalogue entries first in each rank', () => {
    const m = searchOccupations('钳工', occupations, catalogue, Infinity);
    expect(m.map((x) => x.name)).toContain('机修钳工');
    const ranks = m.map((x) => x.rank);
    expect([...ranks].sort((a, b) => ['exact', 'prefix', 'contains'].indexOf(a) - ['exact', 'prefix', 'contains'].indexOf(b))).toEqual(ranks);
    for (const rank of ['prefix', 'contains'] as const) {
      const inRank = m.filter((x) => x.rank === rank).map((x) => x.filable);
      expect(inRank).toEqual([...inRank].sort((a, b) => Number(b) - Number(a)));
    }
    const prefix = searchOccupations('养老', occupations, catalogue, Infinity);
    expect(prefix[0].rank).toBe('prefix');
    expect(prefix[0].filable).toBe(true);
  });

  it('sets the code for an exact name, a unique partial name or a code in any spelling', () => {
    expect(resolveOccupation('机修钳工', occupations, catalogue)?.code).toBe('6-31-01-02');
    expect(resolveOccupation(' 电工 ', occupations, catalogue)?.code).toBe('6-31-01-03');
    expect(resolveOccupation('6310103', occupations, catalogue)?.code).toBe('6-31-01-03');
    expect(resolveOccupation('６－３１－０１－０３', occupations, catalogue)?.code).toBe('6-31-01-03');
    expect(resolveOccupation('机修钳', occupations, catalogue)?.code).toBe('6-31-01-02');
  });

  it('never guesses between several occupations or invents one', () => {
    expect(resolveOccupation('钳工', occupations, catalogue)).toBeNull();
    expect(resolveOccupation('不存在的工种', occupations, catalogue)).toBeNull();
    expect(resolveOccupation('9-99-99-99', occupations, catalogue)).toBeNull();
    expect(codeFromText('电工')).toBeNull();
  });

  it('matches codes by their start as they are typed', () => {
    const m = searchOccupations('6-31-01', occupations, catalogue, Infinity);
    expect(m.length).toBeGreaterThan(1);
    expect(m.every((x) => x.code.startsWith('6-31-01'))).toBe(true);
  });
});
