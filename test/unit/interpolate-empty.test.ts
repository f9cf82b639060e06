import { describe, expect, it } from 'vitest';
import { interpolate } from '../../forms/core/rules/interpolate';
import { normalizePhone, phoneProblem } from '../../forms/core/formats/phone';

describe('rule messages with a value not yet filled', () => {
  it('drop the quotes around an empty name, keeping the row number', () => {
    const t = '第{rowNumber}个考核点“{row.name}”未配备视频监控系统';
    expect(interpolate(t, { rowNumber: 2, row: { name: '浦东基地' } })).toBe('第2个考核点“浦东基地”未配备视频监控系统');
    expect(interpolate(t, { rowNumber: 2, row: { name: '' } })).toBe('第2个考核点未配备视频监控系统');
    expect(interpolate(t, { rowNumber: 2, row: {} })).toBe('第2个考核点未配备视频监控系统');
    expect(interpolate('Site {rowNumber} “{row.name}” has none', { rowNumber: 3, row: {} })).toBe('Site 3 has none');
  });
});

describe('联系电话', () => {
  it('takes mobiles and landlines as offices write them, and refuses what is neither', () => {
    for (const ok of ['13812345678', '021-64001234', '02164001234', '0512-65231234', '64001234', '021-64001234-8021'])
      expect(phoneProblem(normalizePhone(ok)), ok).toBeNull();
    expect(normalizePhone('(021) 6400 1234')).toBe('021-64001234');
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    for (const bad of ['1234567', '12345678901', '021-123', 'abc']) expect(phoneProblem(normalizePhone(bad)), bad).toBe('format');
  });
});
