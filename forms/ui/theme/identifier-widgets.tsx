import type { WidgetProps } from '@rjsf/utils';
import { normalizeMobile } from '../../core/formats/mobile';
import { normalizePhone } from '../../core/formats/phone';
import { normalizeResidentId } from '../../core/formats/resident-id';
import { normalizeUscc } from '../../core/formats/uscc';
import { BaseInputTemplate } from './BufferedInputs';

/**
 * A text input that tidies what staff paste (spaces, lower case) before it reaches the data, so a
 * pasted 「9131 0110 6660 0721 7t」 validates as the code it is.
 */
function normalizingWidget(normalize: (s: string) => string, extra: Readonly<Record<string, unknown>>) {
  return function NormalizingWidget(props: WidgetProps) {
    return (
      <BaseInputTemplate
        {...props}
        {...extra}
        onChange={(v: unknown) => props.onChange(typeof v === 'string' && v !== '' ? normalize(v) : v)}
      />
    );
  };
}

/** What each identifier input adds to the plain one. */
const IDENTIFIER_INPUTS = {
  uscc: { maxLength: 22, autoComplete: 'off', spellCheck: false, className: 'mono' },
  residentId: { maxLength: 22, autoComplete: 'off', spellCheck: false, className: 'mono' },
  mobile: { type: 'tel', maxLength: 16, inputMode: 'tel' },
} as const;

export const UsccWidget = normalizingWidget(normalizeUscc, IDENTIFIER_INPUTS.uscc);
export const ResidentIdWidget = normalizingWidget(normalizeResidentId, IDENTIFIER_INPUTS.residentId);
const MobileOnlyWidget = normalizingWidget(normalizeMobile, IDENTIFIER_INPUTS.mobile);
const PhoneWidget = normalizingWidget(normalizePhone, IDENTIFIER_INPUTS.mobile);
/** A phone field: a mobile-only one drops dashes; a 联系电话 that takes landlines keeps the area code's dash. */
export function MobileWidget(props: WidgetProps) {
  return props.schema.format === 'phone' ? <PhoneWidget {...props} /> : <MobileOnlyWidget {...props} />;
}
