import { useState } from 'preact/hooks';
import { checkPattern } from '../../core/editor/regex-safety';
import { FORMAT_PRESETS, type Condition, type FieldKind, type FieldSpec, type FieldView } from '../../core/editor/schema-edit';
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';

const KINDS: { kind: FieldKind; zh: string; en: string }[] = [
  { kind: 'text', zh: '单行文本', en: 'Text' },
  { kind: 'textarea', zh: '多行文本', en: 'Long text' },
  { kind: 'integer', zh: '整数', en: 'Whole number' },
  { kind: 'number', zh: '数值', en: 'Number' },
  { kind: 'boolean', zh: '是/否', en: 'Yes/no' },
  { kind: 'date', zh: '日期', en: 'Date' },
  { kind: 'select', zh: '单选（选项）', en: 'Choice' },
  { kind: 'section', zh: '分组', en: 'Section' },
];

export interface FieldFormValue {
  spec: FieldSpec;
  condition: Condition | null;
  /** English title and help (they go to the pack's i18n/en.json, keyed by the Chinese text) */
  titleEn: string;
  descriptionEn: string;
  /** where a new field goes: a position id from `positions` */
  position?: string;
}

/** A place in the document's outline a new field can go: after a field, or first in a section. */
export interface Position {
  id: string;
  label: string;
  section: string[];
  after: string | null;
}

export interface FieldFormProps {
  lang: Lang;
  /** the field being edited; absent when adding */
  field?: FieldView;
  /** top-level fields a condition may refer to */
  conditionFields: FieldView[];
  canHaveCondition: boolean;
  /** English of the field's current texts */
  english?: { title?: string; description?: string };
  /** places a new field can go (adding only), and the one chosen at first */
  positions?: Position[];
  position?: string;
  onSave(value: FieldFormValue): string | null;
  onCancel(): void;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** One field's settings. Saving returns an error text to show, or null when applied. */
export function FieldForm({ lang, field, conditionFields, canHaveCondition, english, positions, position: initialPosition, onSave, onCancel }: FieldFormProps) {
  const [key, setKey] = useState(field?.key ?? '');
  const [title, setTitle] = useState(field?.title ?? '');
  const [description, setDescription] = useState(field?.description ?? '');
  const [titleEn, setTitleEn] = useState(english?.title ?? '');
  const [descriptionEn, setDescriptionEn] = useState(english?.description ?? '');
  const [position, setPosition] = useState(initialPosition ?? positions?.[positions.length - 1]?.id ?? '');
  const [kind, setKind] = useState<FieldKind>(field && field.kind !== 'other' ? field.kind : 'text');
  const [required, setRequired] = useState(field?.required ?? false);
  const [format, setFormat] = useState(field?.format ?? '');
  const [pattern, setPattern] = useState(field?.pattern ?? '');
  const [options, setOptions] = useState((field?.options ?? []).map((o) => (o.label && o.label !== o.value ? `${o.value}=${o.label}` : o.value)).join('\n'));
  const [min, setMin] = useState(field?.min === undefined ? '' : String(field.min));
  const [max, setMax] = useState(field?.max === undefined ? '' : String(field.max));
  const [condField, setCondField] = useState(field?.condition?.field ?? '');
  const [condValue, setCondValue] = useState(field?.condition ? String(field.condition.equals) : '');
  const [error, setError] = useState<string | null>(null);
  const patternVerdict = pattern ? checkPattern(pattern) : { ok: true };
  const isText = kind === 'text' || kind === 'textarea';
  const isNumber = kind === 'integer' || kind === 'number';

  const save = (e: Event) => {
    e.preventDefault();
    if (!patternVerdict.ok) return setError(textIn({ zh: patternVerdict.zh!, en: patternVerdict.en! }, lang));
    const target = conditionFields.find((f) => f.key === condField);
    const equals: Condition['equals'] =
      target?.kind === 'boolean' ? condValue === 'true' : target?.kind === 'integer' || target?.kind === 'number' ? Number(condValue) : condValue;
    const spec: FieldSpec = {
      key: key.trim(),
      kind,
      title: title.trim(),
      description: description.trim() || undefined,
      required,
      format: isText && format && format !== 'custom' ? format : undefined,
      pattern: isText && format === 'custom' && pattern ? pattern : undefined,
      options:
        kind === 'select'
          ? options
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
              .map((l) => {
                const [value, label] = l.split('=');
                return { value: value.trim(), label: (label ?? value).trim() };
              })
          : undefined,
      min: isText || isNumber ? num(min) : undefined,
      max: isText || isNumber ? num(max) : undefined,
    };
    if (!spec.title) return setError(textIn({ zh: '请填写中文标题', en: 'A Chinese title is required' }, lang));
    if (!/[\u3400-\u9fff]/.test(spec.title)) return setError(textIn({ zh: '中文标题须含汉字（英文标题另填在“标题（英文）”中）', en: 'the Chinese title needs Chinese characters (the English one goes under "Title (English)")' }, lang));
    if (kind === 'select' && !spec.options?.length) return setError(textIn({ zh: '单选字段至少需要一个选项', en: 'A choice needs at least one option' }, lang));
    const chosen = positions?.find((p) => p.id === position);
    const conditionAllowed = canHaveCondition && (!chosen || chosen.section.length === 0);
    setError(onSave({ spec, condition: conditionAllowed && condField ? { field: condField, equals } : null, titleEn: titleEn.trim(), descriptionEn: descriptionEn.trim(), position }));
  };

  return (
    <form class="field-form card" onSubmit={save} aria-label={textIn({ zh: '字段设置', en: 'Field settings' }, lang)}>
      <h3>{field ? textIn({ zh: `编辑字段：${field.title || field.key}`, en: `Edit field: ${field.title || field.key}` }, lang) : textIn({ zh: '添加字段', en: 'Add a field' }, lang)}</h3>
      <label>
        {textIn({ zh: '字段名（数据中的键，字母和数字）', en: 'Key (in the data: letters and digits)' }, lang)}
        <input name="key" value={key} onInput={(e) => setKey(e.currentTarget.value)} required pattern="[a-zA-Z][a-zA-Z0-9]*" />
      </label>
      <div class="row">
        <label>
          {textIn({ zh: '标题（中文）', en: 'Title (Chinese)' }, lang)}
          <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />
        </label>
        <label>
          {textIn({ zh: '标题（英文）', en: 'Title (English)' }, lang)}
          <input name="title-en" lang="en" value={titleEn} onInput={(e) => setTitleEn(e.currentTarget.value)} />
        </label>
      </div>
      <div class="row">
        <label>
          {textIn({ zh: '说明（中文）', en: 'Help (Chinese)' }, lang)}
          <input name="description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <label>
          {textIn({ zh: '说明（英文）', en: 'Help (English)' }, lang)}
          <input name="description-en" lang="en" value={descriptionEn} onInput={(e) => setDescriptionEn(e.currentTarget.value)} />
        </label>
      </div>
      {positions && positions.length > 0 && (
        <label>
          {textIn({ zh: '位置', en: 'Position' }, lang)}
          <select name="position" value={position} onChange={(e) => setPosition(e.currentTarget.value)}>
            {positions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {textIn({ zh: '类型', en: 'Type' }, lang)}
        <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as FieldKind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {textIn(k, lang)}
            </option>
          ))}
        </select>
      </label>
      <label class="inline">
        <input type="checkbox" name="required" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
        {textIn({ zh: '必填', en: 'Required' }, lang)}
      </label>
      {isText && (
        <label>
          {textIn({ zh: '格式', en: 'Format' }, lang)}
          <select name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value)}>
            <option value="">{textIn({ zh: '不限', en: 'Any text' }, lang)}</option>
            {FORMAT_PRESETS.map((p) => (
              <option key={p.format} value={p.format}>
                {textIn(p, lang)}
              </option>
            ))}
            <option value="custom">{textIn({ zh: '自定义正则表达式', en: 'Custom pattern' }, lang)}</option>
          </select>
        </label>
      )}
      {isText && format === 'custom' && (
        <label>
          {textIn({ zh: '正则表达式', en: 'Pattern' }, lang)}
          <input name="pattern" class="mono" value={pattern} onInput={(e) => setPattern(e.currentTarget.value)} aria-invalid={!patternVerdict.ok} />
          {!patternVerdict.ok && <span class="problem">{textIn({ zh: patternVerdict.zh!, en: patternVerdict.en! }, lang)}</span>}
        </label>
      )}
      {kind === 'select' && (
        <label>
          {textIn({ zh: '选项（每行一个，值=名称）', en: 'Options (one per line, value=label)' }, lang)}
          <textarea name="options" rows={4} value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
        </label>
      )}
      {(isText || isNumber) && (
        <div class="row">
          <label>
            {isText ? textIn({ zh: '最少字数', en: 'Min length' }, lang) : textIn({ zh: '最小值', en: 'Minimum' }, lang)}
            <input name="min" type="number" value={min} onInput={(e) => setMin(e.currentTarget.value)} />
          </label>
          <label>
            {isText ? textIn({ zh: '最多字数', en: 'Max length' }, lang) : textIn({ zh: '最大值', en: 'Maximum' }, lang)}
            <input name="max" type="number" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
          </label>
        </div>
      )}
      {canHaveCondition && (
        <div class="row">
          <label>
            {textIn({ zh: '仅当此字段…', en: 'Show only when…' }, lang)}
            <select name="conditionField" value={condField} onChange={(e) => setCondField(e.currentTarget.value)}>
              <option value="">{textIn({ zh: '（始终显示）', en: '(always shown)' }, lang)}</option>
              {conditionFields
                .filter((f) => f.key !== key)
                .map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.title || f.key}
                  </option>
                ))}
            </select>
          </label>
          {condField && (
            <label>
              {textIn({ zh: '…等于', en: '…equals' }, lang)}
              {(() => {
                const target = conditionFields.find((f) => f.key === condField);
                if (target?.kind === 'select' || target?.kind === 'boolean') {
                  const opts = target.kind === 'boolean' ? [{ value: 'true', label: textIn({ zh: '是', en: 'yes' }, lang) }, { value: 'false', label: textIn({ zh: '否', en: 'no' }, lang) }] : target.options;
                  return (
                    <select name="conditionValue" value={condValue} onChange={(e) => setCondValue(e.currentTarget.value)}>
                      <option value="" />
                      {opts.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  );
                }
                return <input name="conditionValue" value={condValue} onInput={(e) => setCondValue(e.currentTarget.value)} />;
              })()}
            </label>
          )}
        </div>
      )}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="btn primary">
          {field ? textIn({ zh: '保存字段', en: 'Save field' }, lang) : textIn({ zh: '添加', en: 'Add' }, lang)}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {textIn({ zh: '取消', en: 'Cancel' }, lang)}
        </button>
      </div>
    </form>
  );
}
