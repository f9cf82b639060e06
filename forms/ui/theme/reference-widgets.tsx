import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { useContext } from 'preact/hooks';
import { normalizeOccupationCode } from '../../core/formats/occupation-code';
import { referenceOf } from '../../core/reference/reference-context';
import { FormKitContext } from './form-context';
import { useBufferedValue } from './buffered-value';

interface District {
  code: string;
  name: string;
  en?: string;
}

/** 上海市辖区: options come from the pack's reference list, not from the schema. */
export function DistrictWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus } = props;
  const ctx = useContext(FormKitContext);
  const list = ((ctx?.pack.reference.districts as { districts?: District[] } | undefined)?.districts ?? []) as District[];
  return (
    <select
      id={id}
      name={id}
      class="input"
      value={value ?? ''}
      required={required}
      disabled={disabled || readonly}
      aria-describedby={ariaDescribedByIds(id)}
      aria-label={props.hideLabel ? props.label : undefined}
      onChange={(e) => onChange((e.target as HTMLSelectElement).value || undefined)}
      onBlur={(e) => onBlur(id, (e.target as HTMLSelectElement).value)}
      onFocus={(e) => onFocus(id, (e.target as HTMLSelectElement).value)}
    >
      <option value="">{ctx?.lang === 'en' ? '— choose —' : '— 请选择 —'}</option>
      {list.map((d) => (
        <option value={d.code} key={d.code}>
          {ctx?.lang === 'en' && d.en ? d.en : d.name}
        </option>
      ))}
    </select>
  );
}

/** The id of the one datalist of all occupations the document page renders. */
export const OCCUPATION_LIST_ID = 'occupation-options';

/** What an empty occupation field says (shared with the tables' first-frame markup, static-row.ts). */
export const OCCUPATION_PLACEHOLDER = '输入名称或编码搜索，如 电工 / 6-31-01-03';

/**
 * 职业编码 with search over all 1,639 occupations by name or code (a shared datalist), the name
 * shown beside the code once it is known.
 */
export function OccupationWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, placeholder } = props;
  const ctx = useContext(FormKitContext);
  const name = typeof value === 'string' && ctx ? referenceOf(ctx.pack).occupations.get(value) : undefined;
  const buf = useBufferedValue(typeof value === 'string' ? value : '', (raw) =>
    onChange(raw === '' ? undefined : normalizeOccupationCode(raw)),
  );
  return (
    <div class="occupation-input">
      <input
        id={id}
        name={id}
        class="input mono"
        list={OCCUPATION_LIST_ID}
        placeholder={placeholder || OCCUPATION_PLACEHOLDER}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoComplete="off"
        aria-describedby={`${ariaDescribedByIds(id)} ${id}__name`}
        aria-label={props.hideLabel ? props.label : undefined}
        {...buf.bind(id, onBlur)}
        onFocus={(e) => {
          const occ = ctx?.pack.reference['occupations-2022'] as { occupations?: { code: string; name: string }[] } | undefined;
          ensureOccupationDatalist(occ?.occupations ?? []);
          onFocus(id, (e.target as HTMLInputElement).value);
        }}
      />
      <span class="occupation-name" id={`${id}__name`} aria-live="polite">
        {name ?? ''}
      </span>
    </div>
  );
}

/**
 * The occupation options every OccupationWidget searches: one datalist per page, created on the first
 * focus of an occupation field rather than at load (1,639 options the page need not lay out up front).
 */
export function ensureOccupationDatalist(occupations: ReadonlyArray<{ code: string; name: string }>): void {
  if (document.getElementById(OCCUPATION_LIST_ID)) return;
  const list = document.createElement('datalist');
  list.id = OCCUPATION_LIST_ID;
  for (const o of occupations) {
    const option = document.createElement('option');
    option.value = o.code;
    option.label = o.name;
    option.textContent = o.name;
    list.append(option);
  }
  document.body.append(list);
}
