import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { normalizeOccupationCode } from '../../core/formats/occupation-code';
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';
import { referenceOf } from '../../core/reference/reference-context';
import { FormKitContext, useInvalid, type KitFormContext } from './form-context';
import { resolveOccupation, searchOccupations, type OccupationEntry } from '../../core/formats/occupation-search';
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
  const invalid = useInvalid(id);
  const list = ((ctx?.pack.reference.districts as { districts?: District[] } | undefined)?.districts ?? []) as District[];
  return (
    <select
      aria-invalid={invalid}
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
      <option value="">{textIn({ zh: '— 请选择 —', en: '— choose —' }, ctx?.lang ?? 'zh')}</option>
      {list.map((d) => (
        <option value={d.code} key={d.code}>
          {textIn({ zh: d.name, en: d.en }, ctx?.lang ?? 'zh')}
        </option>
      ))}
    </select>
  );
}

/** What an empty occupation field says. */
const OCCUPATION_PLACEHOLDER = { zh: '输入名称或编码搜索，如 电工 / 6-31-01-03', en: 'type a name or code, e.g. 电工 / 6-31-01-03' };

const filableByPack = new WeakMap<object, ReadonlySet<string>>();

/** The pack's occupation list and the codes its filing catalogue lists (ranked first in searches). */
function occupationLists(pack: KitFormContext['pack'] | undefined): { all: ReadonlyArray<OccupationEntry>; filable: ReadonlySet<string> } {
  const ref = pack?.reference ?? {};
  const all = ((ref['occupations-2022'] as { occupations?: OccupationEntry[] } | undefined)?.occupations ?? []) as OccupationEntry[];
  let filable = pack ? filableByPack.get(pack) : undefined;
  if (!filable) {
    const entries = ((ref['filing-catalog'] as { entries?: OccupationEntry[] } | undefined)?.entries ?? []) as OccupationEntry[];
    filable = new Set(entries.map((e) => e.code));
    if (pack) filableByPack.set(pack, filable);
  }
  return { all, filable };
}

/** Whether a text is (part of) a name rather than a code: names are resolved on leaving the field, not on a pause. */
const isNameText = (text: string): boolean => /[^\d\s\-‐‑‒–—―－０-９]/.test(text);

/**
 * 职业编码, found by name or code: typing shows the best matches (exact name, then names starting with
 * the text, then names containing it; catalogue entries first), ↑/↓ and Enter or a click pick one, and
 * leaving the field with a name that means exactly one occupation sets its code. The name is shown
 * beside the code once it is known. A combobox of its own rather than a `<datalist>`: a datalist
 * filters by the option value (the code) in the browser's own order and cannot rank.
 */
export function OccupationWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, placeholder } = props;
  const ctx = useContext(FormKitContext);
  const lang = ctx?.lang ?? 'zh';
  const lists = useMemo(() => occupationLists(ctx?.pack), [ctx?.pack]);
  const invalid = useInvalid(id);
  const name = typeof value === 'string' && ctx ? referenceOf(ctx.pack).occupations.get(value) : undefined;
  const commitText = (raw: string) => {
    const text = raw.trim();
    if (text === '') return onChange(undefined);
    const found = resolveOccupation(text, lists.all, lists.filable);
    onChange(found ? found.code : isNameText(text) ? text : normalizeOccupationCode(text));
  };
  const buf = useBufferedValue(typeof value === 'string' ? value : '', commitText, isNameText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => (open && buf.text && buf.text !== value ? searchOccupations(buf.text, lists.all, lists.filable, 8) : []),
    [open, buf.text, value, lists],
  );
  const listId = `${id}__matches`;
  // a list placed by the viewport would float away from its field when the page scrolls: it closes instead
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (!(e.target instanceof Element && e.target.closest('.occupation-matches'))) setOpen(false);
    };
    addEventListener('scroll', close, true);
    return () => removeEventListener('scroll', close, true);
  }, [open]);
  // the list is placed by the viewport (fixed): inside a table it would be clipped by the table's scroll box
  const [at, setAt] = useState<{ top: number; left: number; width: number } | null>(null);
  const place = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    setAt({ top: r.bottom + 2, left: r.left, width: r.width });
  };
  const pick = (m: OccupationEntry) => {
    buf.onInput(m.code);
    buf.flush();
    setOpen(false);
  };
  const bound = buf.bind(id, onBlur);
  const unresolved = typeof value === 'string' && value !== '' && isNameText(value) && !open;
  return (
    <div class="occupation-input">
      <input
        id={id}
        name={id}
        class="input mono"
        role="combobox"
        aria-invalid={invalid}
        aria-autocomplete="list"
        aria-expanded={matches.length > 0}
        aria-controls={matches.length > 0 ? listId : undefined}
        aria-activedescendant={matches.length > 0 ? `${listId}_${Math.min(active, matches.length - 1)}` : undefined}
        placeholder={placeholder || textIn(OCCUPATION_PLACEHOLDER, lang)}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoComplete="off"
        aria-describedby={`${ariaDescribedByIds(id)} ${id}__name`}
        aria-label={props.hideLabel ? props.label : undefined}
        {...bound}
        onInput={(e) => {
          bound.onInput(e);
          place(e.target as HTMLElement);
          setOpen(true);
          setActive(0);
        }}
        onBlur={(e) => {
          setOpen(false);
          bound.onBlur(e);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (!open) {
              place(e.target as HTMLElement);
              setOpen(true);
              setActive(0);
            } else if (matches.length) {
              setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % matches.length : (a - 1 + matches.length) % matches.length));
            }
            e.preventDefault();
          } else if (e.key === 'Enter' && matches.length > 0) {
            // Enter picks the highlighted occupation; it must not submit the form
            e.preventDefault();
            pick(matches[Math.min(active, matches.length - 1)]);
          } else if (e.key === 'Escape' && matches.length > 0) {
            e.preventDefault();
            setOpen(false);
          }
        }}
        onFocus={(e) => onFocus(id, (e.target as HTMLInputElement).value)}
      />
      <span class="occupation-name" id={`${id}__name`} aria-live="polite">
        {name ?? (unresolved ? occupationHint(value, lists, lang) : '')}
      </span>
      {matches.length > 0 && (
        <ul
          class="occupation-matches"
          role="listbox"
          id={listId}
          style={at ? { position: 'fixed', top: `${at.top}px`, left: `${at.left}px`, minWidth: `${at.width}px` } : undefined} aria-label={textIn({ zh: '匹配的职业', en: 'Matching occupations' }, lang)}
        >
          {matches.map((m, i) => (
            <li
              key={m.code}
              id={`${listId}_${i}`}
              role="option"
              aria-selected={i === Math.min(active, matches.length - 1)}
              class={i === Math.min(active, matches.length - 1) ? 'active' : ''}
              // mousedown, not click: the input's blur would close the list before a click lands
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              <span class="occ-name">{m.name}</span> <span class="mono occ-code">{m.code}</span>
              {m.filable && <span class="occ-filable">{textIn({ zh: '可备案目录', en: 'in filing catalogue' }, lang)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Why a typed name was not taken, in words a clerk can act on. */
function occupationHint(text: string, lists: { all: ReadonlyArray<OccupationEntry>; filable: ReadonlySet<string> }, lang: Lang): string {
  const n = searchOccupations(text, lists.all, lists.filable, Infinity).length;
  if (n === 0) return textIn({ zh: `没有名为“${text}”的职业`, en: `No occupation is called “${text}”` }, lang);
  return textIn({ zh: `“${text}”对应 ${n} 个职业，请从列表中选择`, en: `${n} occupations match “${text}”: pick one from the list` }, lang);
}
