import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds, getInputProps } from '@rjsf/utils';
import { useBufferedValue } from './buffered-value';
import { useInvalid } from '../document/form-context';

/** A value as an input shows it (shared with the tables' first-frame markup, static-row.ts). */
export const toText = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The kit's `<input>` for text, number, date…: buffered (see buffered-value.ts). */
export function BaseInputTemplate(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, schema, type, placeholder, required } = props;
  const extra = props as unknown as Record<string, unknown>;
  const inputProps = getInputProps(schema, type, options);
  const buf = useBufferedValue(toText(value), (text) => onChange(text === '' ? options.emptyValue : text));
  const invalid = useInvalid(id);
  return (
    <input
      aria-invalid={invalid}
      id={id}
      name={htmlName || id}
      class={`input ${String(extra.className ?? '')}`}
      readOnly={readonly}
      // a value the form fills in itself (a name from its code) is read, not visited: no tab stop
      tabIndex={readonly ? -1 : undefined}
      disabled={disabled}
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder}
      maxLength={extra.maxLength as number | undefined}
      autoComplete={extra.autoComplete as string | undefined}
      spellcheck={extra.spellCheck as boolean | undefined}
      inputMode={extra.inputMode as 'tel' | 'text' | undefined}
      {...(inputProps as unknown as Record<string, unknown>)}
      type={((extra.type as string | undefined) ?? inputProps.type) as 'text'}
      {...buf.bind(id, onBlur)}
      onFocus={(e) => onFocus(id, (e.target as HTMLInputElement).value)}
      aria-describedby={ariaDescribedByIds(id)}
      aria-label={props.hideLabel ? props.label : undefined}
    />
  );
}

export function TextareaWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, placeholder, required } = props;
  const buf = useBufferedValue(toText(value), (text) => onChange(text === '' ? options.emptyValue : text));
  const invalid = useInvalid(id);
  return (
    <textarea
      aria-invalid={invalid}
      id={id}
      name={id}
      class="input"
      rows={(options.rows as number | undefined) ?? 3}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder}
      {...buf.bind(id, onBlur)}
      onFocus={(e) => onFocus(id, (e.target as HTMLTextAreaElement).value)}
      aria-describedby={ariaDescribedByIds(id)}
      aria-label={props.hideLabel ? props.label : undefined}
    />
  );
}
