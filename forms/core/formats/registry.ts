/**
 * The custom formats every document may use, one checker each. Both engines call these same
 * functions (ajv standalone binds them at build time, the interpreter at run time), so a value is
 * judged the same whichever engine ran; `formatProblem` says *why* for the message.
 */
import { activeReference, type ReferenceContext } from '../reference/reference-context';
import { dateProblem } from './calendar-date';
import { districtProblem } from './district';
import { mobileProblem } from './mobile';
import { occupationCodeProblem } from './occupation-code';
import { phoneProblem } from './phone';
import { residentIdProblem } from './resident-id';
import { usccProblem } from './uscc';

type ProblemFn = (value: string, ref: ReferenceContext) => string | null;

const problems: Record<string, ProblemFn> = {
  uscc: usccProblem,
  'resident-id': residentIdProblem,
  mobile: mobileProblem,
  phone: phoneProblem,
  'occupation-code': occupationCodeProblem,
  'sh-district': districtProblem,
  date: dateProblem,
};

export const customFormatNames = Object.keys(problems);

/**
 * `{validate}` objects, the shape ajv's generated code calls (`formats0.validate(x)`). Bound at
 * module load, so they read the active reference context (reference-context.ts says why).
 */
export const formatCheckers: Record<string, { validate: (s: string) => boolean }> = Object.fromEntries(
  Object.entries(problems).map(([name, fn]) => [name, { validate: (s: string) => fn(s, activeReference()) === null }]),
);

/** A reason code such as `check` or `birthDate`, or null when valid or the format is not ours. */
export function formatProblem(format: string, value: unknown, ref: ReferenceContext): string | null {
  const fn: ProblemFn | undefined = Object.hasOwn(problems, format) ? problems[format] : undefined;
  return fn && typeof value === 'string' ? fn(value, ref) : null;
}
