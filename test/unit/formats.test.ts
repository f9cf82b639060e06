import { describe, expect, it } from 'vitest';
import { addMonths, dateProblem, daysBetween } from '../../forms/core/formats/calendar-date';
import { districtProblem } from '../../forms/core/formats/district';
import { mobileProblem, normalizeMobile } from '../../forms/core/formats/mobile';
import { normalizeOccupationCode, occupationCodeProblem } from '../../forms/core/formats/occupation-code';
import { referenceOf } from '../../forms/core/reference/reference-context';
import { birthDateOf, residentIdProblem } from '../../forms/core/formats/resident-id';
import { normalizeUscc, usccProblem } from '../../forms/core/formats/uscc';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { parsePack } from '../../forms/core/pack/parse-pack';

const pack = parsePack(readPackDir('schemas'));

describe('统一社会信用代码 (GB 32100-2015), vectors from facts.md §2', () => {
  it.each(['91310110666007217T', '91310115591693856A', '91350100M000100Y43'])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });
  it('rejects a wrong check character as such', () => {
    expect(usccProblem('91310110666007217A')).toBe('check');
  });
  it('says what is wrong with length and alphabet', () => {
    expect(usccProblem('9131011066600721')).toBe('length');
    expect(usccProblem('91310110666OO7217T')).toBe('charset');
  });
  it('tidies what staff paste', () => {
    expect(normalizeUscc(' 9131 0110 6660 0721 7t ')).toBe('91310110666007217T');
  });
});

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '440524188001010014'])('accepts %s', (id) => {
    expect(residentIdProblem(id)).toBeNull();
  });
  it('rejects a wrong check character', () => {
    expect(residentIdProblem('110105194912310021')).toBe('check');
  });
  it('rejects a birth date that does not exist', () => {
    expect(residentIdProblem('110105194902300021')).toBe('birthDate');
  });
  it('reads the birth date', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
  });
});

describe('手机号码, 职业编码, 辖区, dates', () => {
  it('mobile numbers', () => {
    expect(mobileProblem('13812345678')).toBeNull();
    expect(mobileProblem('12812345678')).toBe('format');
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
  });
  it('occupation codes must exist in the 2022 list', () => {
    const ref = referenceOf(pack);
    expect(occupationCodeProblem('6-31-01-03', ref)).toBeNull();
    expect(occupationCodeProblem('6-31-01-99', ref)).toBe('unknown');
    expect(occupationCodeProblem('63101 03', ref)).toBe('format');
    expect(normalizeOccupationCode('6310103')).toBe('6-31-01-03');
  });
  it('districts come from the pack', () => {
    const ref = referenceOf(pack);
    expect(districtProblem('310115', ref)).toBeNull();
    expect(districtProblem('310102', ref)).toBe('unknown'); // 南市区, merged into 黄浦区 long ago
    expect(districtProblem('310108', ref)).toBe('unknown'); // 闸北区, merged into 静安区 in 2015
  });
  it('a pack without a reference list rejects every code of that kind (no built-in fallback)', () => {
    const bare = { ...pack, reference: {} };
    expect(districtProblem('310115', referenceOf(bare))).toBe('unknown');
    expect(occupationCodeProblem('6-31-01-03', referenceOf(bare))).toBe('unknown');
  });
  it('dates are real calendar days; months add by the calendar', () => {
    expect(dateProblem('2024-02-30')).toBe('invalid');
    expect(dateProblem('2024/02/03')).toBe('format');
    expect(addMonths('2025-05-31', -3)).toBe('2025-02-28');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2025-08-15', -3)).toBe('2025-05-15');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
  });
});
