import { useState } from 'preact/hooks';
import { checkPattern } from '../../core/editor/regex-safety';
import { FORMAT_PRESETS, type Condition, type FieldKind, type FieldSpec, type FieldView } from '../../core/editor/schema-edit';
import type { Lang } from '../../core/i18n/lang';
import { pick } from './lang';

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
    if (!patternVerdict.ok) return setError(pick(lang, patternVerdict.zh!, patternVerdict.en!));
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
    if (!spec.title) return setError(pick(lang, '请填写中文标题', 'A Chinese title is required'));
    if (!/[\u3400-\u9fff]/.test(spec.title)) return setError(pick(lang, '中文标题须含汉字（英文标题另填在“标题（英文）”中）', 'the Chinese title needs Chinese characters (the English one goes under "Title (English)")'));
    if (kind === 'select' && !spec.options?.length) return setError(pick(lang, '单选字段至少需要一个选项', 'A choice needs at least one option'));
    const chosen = positions?.find((p) => p.id === position);
    const conditionAllowed = canHaveCondition && (!chosen || chosen.section.length === 0);
    setError(onSave({ spec, condition: conditionAllowed && condField ? { field: condField, equals } : null, titleEn: titleEn.trim(), descriptionEn: descriptionEn.trim(), position }));
  };

  return (
    <form class="field-form card" onSubmit={save} aria-label={pick(lang, '字段设置', 'Field settings')}>
      <h3>{field ? pick(lang, `编辑字段：${field.title || field.key}`, `Edit field: ${field.title || field.key}`) : pick(lang, '添加字段', 'Add a field')}</h3>
      <label>
        {pick(lang, '字段名（数据中的键，字母和数字）', 'Key (in the data: letters and digits)')}
        <input name="key" value={key} onInput={(e) => setKey(e.currentTarget.value)} required pattern="[a-zA-Z][a-zA-Z0-9]*" />
      </label>
      <div class="row">
        <label>
          {pick(lang, '标题（中文）', 'Title (Chinese)')}
          <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />
        </label>
        <label>
          {pick(lang, '标题（英文）', 'Title (English)')}
          <input name="title-en" lang="en" value={titleEn} onInput={(e) => setTitleEn(e.currentTarget.value)} />
        </label>
      </div>
      <div class="row">
        <label>
          {pick(lang, '说明（中文）', 'Help (Chinese)')}
          <input name="description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <label>
          {pick(lang, '说明（英文）', 'Help (English)')}
          <input name="description-en" lang="en" value={descriptionEn} onInput={(e) => setDescriptionEn(e.currentTarget.value)} />
        </label>
      </div>
      {positions && positions.length > 0 && (
        <label>
          {pick(lang, '位置', 'Position')}
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
        {pick(lang, '类型', 'Type')}
        <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as FieldKind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {pick(lang, k.zh, k.en)}
            </option>
          ))}
        </select>
      </label>
      <label class="inline">
        <input type="checkbox" name="required" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
        {pick(lang, '必填', 'Required')}
      </label>
      {isText && (
        <label>
          {pick(lang, '格式', 'Format')}
          <select name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value)}>
            <option value="">{pick(lang, '不限', 'Any text')}</option>
            {FORMAT_PRESETS.map((p) => (
              <option key={p.format} value={p.format}>
                {pick(lang, p.zh, p.en)}
              </option>
            ))}
            <option value="custom">{pick(lang, '自定义正则表达式', 'Custom pattern')}</option>
          </select>
        </label>
      )}
      {isText && format === 'custom' && (
        <label>
          {pick(lang, '正则表达式', 'Pattern')}
          <input name="pattern" class="mono" value={pattern} onInput={(e) => setPattern(e.currentTarget.value)} aria-invalid={!patternVerdict.ok} />
          {!patternVerdict.ok && <span class="problem">{pick(lang, patternVerdict.zh!, patternVerdict.en!)}</span>}
        </label>
      )}
      {kind === 'select' && (
        <label>
          {pick(lang, '选项（每行一个，值=名称）', 'Options (one per line, value=label)')}
          <textarea name="options" rows={4} value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
        </label>
      )}
      {(isText || isNumber) && (
        <div class="row">
          <label>
            {isText ? pick(lang, '最少字数', 'Min length') : pick(lang, '最小值', 'Minimum')}
            <input name="min" type="number" value={min} onInput={(e) => setMin(e.currentTarget.value)} />
          </label>
          <label>
            {isText ? pick(lang, '最多字数', 'Max length') : pick(lang, '最大值', 'Maximum')}
            <input name="max" type="number" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
          </label>
        </div>
      )}
      {canHaveCondition && (
        <div class="row">
          <label>
            {pick(lang, '仅当此字段…', 'Show only when…')}
            <select name="conditionField" value={condField} onChange={(e) => setCondField(e.currentTarget.value)}>
              <option value="">{pick(lang, '（始终显示）', '(always shown)')}</option>
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
              {pick(lang, '…等于', '…equals')}
              {(() => {
                const target = conditionFields.find((f) => f.key === condField);
                if (target?.kind === 'select' || target?.kind === 'boolean') {
                  const opts = target.kind === 'boolean' ? [{ value: 'true', label: pick(lang, '是', 'yes') }, { value: 'false', label: pick(lang, '否', 'no') }] : target.options;
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
          {field ? pick(lang, '保存字段', 'Save field') : pick(lang, '添加', 'Add')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {pick(lang, '取消', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
