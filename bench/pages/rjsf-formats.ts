/**
 * The kit's format checkers for the stock-RJSF page, so both pages judge a value with the same code
 * (the comparison is about rendering and validation architecture, not about different checks).
 */
import { useOccupationIndex } from '../../forms/core/formats/occupation-code';
import { formatCheckers } from '../../forms/core/formats/registry';

export function kitFormats(occupations: { code: string; name: string }[]): Record<string, (value: string) => boolean> {
  useOccupationIndex(occupations);
  return Object.fromEntries(Object.entries(formatCheckers).map(([name, f]) => [name, (v: string) => f.validate(v)]));
}
