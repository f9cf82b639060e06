import type { WidgetProps } from '@rjsf/utils';
import { normalizeMobile } from '../../core/formats/mobile';
import { normalizeResidentId } from '../../core/formats/resident-id';
import { normalizeUscc } from '../../core/formats/uscc';
import { BaseInputTemplate } from './BufferedInputs';

/**
 * A text input that tidies what staff paste (spaces, lower case) before it reaches the data, so a
 * pasted 「9131 0110 6660 0721 7t」 validates as the code it is.
 */
function normalizingWidget(normalize: (s: string) => string, extra: Record<string, unknown>) {
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

export const UsccWidget = normalizingWidget(normalizeUscc, {
  maxLength: 22,
  autoComplete: 'off',
  spellCheck: false,
  className: 'mono',
});
export const ResidentIdWidget = normalizingWidget(normalizeResidentId, {
  maxLength: 22,
  autoComplete: 'off',
  spellCheck: false,
  className: 'mono',
});
export const MobileWidget = normalizingWidget(normalizeMobile, { type: 'tel', maxLength: 16, inputMode: 'tel' });
