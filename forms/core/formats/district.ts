/** 上海市辖区 codes (310xxx), checked against the active pack's district list (see occupation-code.ts for why this is module state). */
export type DistrictProblem = 'unknown';
let codes: ReadonlySet<string> | null = null;
export function useDistrictIndex(entries: ReadonlyArray<{ code: string }>): void {
  codes = new Set(entries.map((e) => e.code));
}
export const districtProblem = (code: string): DistrictProblem | null =>
  (codes ? codes.has(code) : /^3101\d{2}$/.test(code)) ? null : 'unknown';
