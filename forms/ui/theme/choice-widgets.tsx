import type { WidgetProps } from '@rjsf/utils';
import { getDefaultRegistry } from '@rjsf/core';
import { ariaDescribedByIds } from '@rjsf/utils';
import { useInvalid } from './form-context';

/**
 * Check boxes, radio buttons and selects for enums: a label around each input and its text, nothing more.
 * RJSF's own put each option in four elements and compared values deeply on every render; a
 * 50-row occupation table has 500 of these options (the first-render budget, bench/budgets.json).
 */
export function CheckboxesWidget(props: WidgetProps) {
  const { id, options, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, htmlName, label, hideLabel } = props;
  const enumOptions = options.enumOptions ?? [];
  const enumDisabled = (options.enumDisabled ?? []) as unknown[];
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const locked = Boolean(disabled || readonly);
  return (
    <div class="checkboxes" id={id} role="group" aria-label={hideLabel ? label : undefined}>
      {enumOptions.map((o, i) => (
        <label class={`checkbox-inline${locked ? ' disabled' : ''}`} key={String(o.value)}>
          <input
            type="checkbox"
            id={`${id}-${i}`}
            name={htmlName || id}
            value={String(i)}
            checked={selected.includes(o.value)}
            disabled={locked || enumDisabled.includes(o.value)}
            autoFocus={autofocus && i === 0}
            aria-describedby={ariaDescribedByIds(id)}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              // kept in the options' order, as RJSF does
              onChange(on ? enumOptions.filter((x) => x.value === o.value || selected.includes(x.value)).map((x) => x.value) : selected.filter((v) => v !== o.value));
            }}
            onBlur={() => onBlur(id, selected)}
            onFocus={() => onFocus(id, selected)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}

export function RadioWidget(props: WidgetProps) {
  const { id, options, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, htmlName, label, hideLabel } = props;
  const enumOptions = options.enumOptions ?? [];
  const enumDisabled = (options.enumDisabled ?? []) as unknown[];
  const locked = Boolean(disabled || readonly);
  return (
    <div class="field-radio-group" id={id} role="radiogroup" aria-label={hideLabel ? label : undefined}>
      {enumOptions.map((o, i) => (
        <label class={`radio-inline${locked ? ' disabled' : ''}`} key={String(o.value)}>
          <input
            type="radio"
            id={`${id}-${i}`}
            name={htmlName || id}
            value={String(i)}
            checked={value === o.value}
            required={required}
            disabled={locked || enumDisabled.includes(o.value)}
            autoFocus={autofocus && i === 0}
            aria-describedby={ariaDescribedByIds(id)}
            onChange={() => onChange(o.value)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}

const CoreSelectWidget = getDefaultRegistry().widgets.SelectWidget;

/**
 * One choice from a list: RJSF's select, plus a name (aria-label) when the field shows no label of
 * its own (a table cell). Lists of several choices stay RJSF's.
 */
export function SelectWidget(props: WidgetProps) {
  const { id, options, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, htmlName, label, hideLabel, placeholder, schema, multiple } = props;
  if (multiple) return <CoreSelectWidget {...props} />;
  const enumOptions = options.enumOptions ?? [];
  const enumDisabled = (options.enumDisabled ?? []) as unknown[];
  const index = enumOptions.findIndex((o) => o.value === value);
  const decode = (v: string) => (v === '' ? options.emptyValue : enumOptions[Number(v)]?.value);
  const invalid = useInvalid(id);
  return (
    <select
      aria-invalid={invalid}
      id={id}
      name={htmlName || id}
      class="input"
      value={index < 0 ? '' : String(index)}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-describedby={ariaDescribedByIds(id)}
      aria-label={hideLabel ? label : undefined}
      onChange={(e) => onChange(decode((e.currentTarget as HTMLSelectElement).value))}
      onBlur={(e) => onBlur(id, decode((e.currentTarget as HTMLSelectElement).value))}
      onFocus={(e) => onFocus(id, decode((e.currentTarget as HTMLSelectElement).value))}
    >
      {schema.default === undefined && <option value="">{placeholder}</option>}
      {enumOptions.map((o, i) => (
        <option value={String(i)} disabled={enumDisabled.includes(o.value)} key={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
