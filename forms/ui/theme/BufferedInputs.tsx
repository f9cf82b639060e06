import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds, getInputProps } from '@rjsf/utils';
import { useEffect, useState } from 'preact/hooks';
import { useBufferedValue } from './buffered-value';
import { useInvalid } from './form-context';

/** A value as an input shows it. */
const toText = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

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
  const { id, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, placeholder, required, schema } = props;
  const buf = useBufferedValue(toText(value), (text) => onChange(text === '' ? options.emptyValue : text));
  // a text with a maximum counts its characters as the user types (code points: what maxLength counts)
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  const [count, setCount] = useState(() => [...toText(value)].length);
  useEffect(() => setCount([...toText(value)].length), [value]);
  const bound = buf.bind(id, onBlur);
  const invalid = useInvalid(id);
  const area = (
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
      {...bound}
      onInput={(e: Event) => {
        if (max !== undefined) setCount([...(e.currentTarget as HTMLTextAreaElement).value].length);
        bound.onInput(e);
      }}
      onFocus={(e) => onFocus(id, (e.target as HTMLTextAreaElement).value)}
      aria-describedby={max !== undefined ? `${ariaDescribedByIds(id)} ${id}__count` : ariaDescribedByIds(id)}
      aria-label={props.hideLabel ? props.label : undefined}
    />
  );
  if (max === undefined) return area;
  return (
    <>
      {area}
      <span id={`${id}__count`} class={`char-count${count > max ? ' over' : ''}`} data-testid="char-count">
        {count} / {max}
      </span>
    </>
  );
}
