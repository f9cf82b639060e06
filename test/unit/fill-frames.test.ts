// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FillOutcome, FillReport } from '../../forms/core/fill/types';
import { mergeReports } from '../../shared/autofill/autofill-service';

const outcome = (id: string, status: FillOutcome['status'], frame?: string): FillOutcome => ({ id, path: id, title: id, value: 'v', status, ...(frame ? { frame } : {}) });
const report = (url: string, outcomes: FillOutcome[], crossOriginFrames: string[] = []): FillReport => ({ fillId: 'f', url, outcomes, crossOriginFrames, elapsedMs: 1 });

describe('a report per frame', () => {
  it('names the frame a field was filled in, and keeps a confirmed frame that did not answer as not filled', () => {
    const top = report('https://portal.gov.cn/a', [outcome('/a', 'not-found'), outcome('/b', 'filled')], ['https://x.gov.cn', 'https://y.gov.cn']);
    const fromX = report('https://x.gov.cn/form', [outcome('/a', 'filled'), outcome('/b', 'not-found')]);
    const merged = mergeReports(top, [fromX], ['https://x.gov.cn', 'https://y.gov.cn']);
    expect(merged.outcomes.find((o) => o.id === '/a')).toMatchObject({ status: 'filled', frame: 'https://x.gov.cn/form' });
    expect(merged.outcomes.find((o) => o.id === '/b')).toMatchObject({ status: 'filled' });
    expect(merged.outcomes.find((o) => o.id === '/b')?.frame).toBeUndefined();
    // y was confirmed but sent no report: it stays listed as a frame not filled
    expect(merged.crossOriginFrames).toEqual(['https://y.gov.cn']);
  });
  it('never turns a field filled because a frame it was not in answered', () => {
    const top = report('https://portal.gov.cn/a', [outcome('/a', 'not-found')], ['https://x.gov.cn']);
    const merged = mergeReports(top, [report('https://x.gov.cn/f', [outcome('/a', 'not-found')])], ['https://x.gov.cn']);
    expect(merged.outcomes[0].status).toBe('not-found');
    expect(merged.crossOriginFrames).toEqual([]);
  });
});
