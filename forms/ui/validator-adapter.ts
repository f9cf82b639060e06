/**
 * RJSF's validator interface over our engines. RJSF only renders here: the form runs with
 * `noValidate` and the kit's own findings (schema + rules) are shown by the field template, so
 * `validateFormData` has nothing to report. `isValid` is what RJSF uses to pick if/then/else
 * branches; it is answered by the eval-free interpreter (MV3 forbids compiling at run time).
 */
import type { RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';
import { isValidAgainst } from '../core/schema/branch-valid';
import type { JsonSchema } from '../core/pack/types';

export const kitValidator: ValidatorType = {
  validateFormData(): ValidationData<unknown> {
    return { errors: [], errorSchema: {} };
  },
  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    return isValidAgainst(schema as JsonSchema, formData, rootSchema as JsonSchema);
  },
  rawValidation() {
    return {};
  },
};
