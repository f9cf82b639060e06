/**
 * The kit's format checkers for the stock-RJSF page, so both pages judge a value with the same code
 * and the same reference lists (the comparison is about rendering and validation architecture, not
 * about different checks).
 */
import { formatProblem, customFormatNames } from '../../forms/core/formats/registry';
import type { ReferenceContext } from '../../forms/core/reference/reference-context';

export function kitFormats(occupations: string[], districts: string[]): Record<string, (value: string) => boolean> {
  const ref: ReferenceContext = {
    occupations: new Map(occupations.map((c) => [c, ''])),
    districts: new Map(districts.map((c) => [c, ''])),
  };
  return Object.fromEntries(customFormatNames.map((name) => [name, (v: string) => formatProblem(name, v, ref) === null]));
}
