import { describe, expect, it } from 'vitest';
import { oneToOne } from '../../forms/core/fill/one-to-one';

describe('one-to-one placement of lists', () => {
  it('gives each list its best table that no better-scoring list took, and leaves a list without one when all are taken', () => {
    const placed = oneToOne([
      { key: 'occupations', value: 'table A', score: 0.6 },
      { key: 'evaluators', value: 'table A', score: 0.9 },
      { key: 'occupations', value: 'table B', score: 0.5 },
      { key: 'sites', value: 'table B', score: 0.4 },
    ]);
    expect([...placed]).toEqual([
      ['evaluators', 'table A'],
      ['occupations', 'table B'],
    ]);
  });
});
