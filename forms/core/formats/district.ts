import type { ReferenceContext } from '../reference/reference-context';

/** 上海市辖区 codes (310xxx), checked against the pack's district list (reference/districts.json). */
export type DistrictProblem = 'unknown';

export const districtProblem = (code: string, ref: ReferenceContext): DistrictProblem | null =>
  ref.districts.has(code) ? null : 'unknown';
