import { useState } from 'preact/hooks';
import {
  addField,
  listFields,
  moveField,
  removeField,
  renameField,
  setCondition,
  updateField,
  type FieldView,
  type SchemaAndUi,
} from '../../core/editor/schema-edit';
import type { Lang } from '../../core/i18n/lang';
import { FieldForm, type FieldFormValue } from './FieldForm';
import { pick } from './lang';

export interface FieldEditorProps {
  lang: Lang;
  doc: SchemaAndUi;
  onChange(doc: SchemaAndUi): void;
  /** a field's key changed: the publisher records it for drafts' migration */
  onRename(from: string, to: string): void;
}

type Editing = { mode: 'add'; section: string[] } | { mode: 'edit'; field: FieldView } | null;

/** The visual field editor: fields and sections in order, with add, edit, move and remove. */
export function FieldEditor({ lang, doc, onChange, onRename }: FieldEditorProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const fields = listFields(doc.schema, doc.ui);
  const conditionFields = fields.filter((f) => f.path.length === 1 && !f.condition && ['select', 'boolean', 'text', 'integer'].includes(f.kind));

  const save = (value: FieldFormValue): string | null => {
    if (!editing) return null;
    let cur = doc;
    if (editing.mode === 'add') {
      const r = addField(cur, editing.section, value.spec);
      if (!r.ok) return pick(lang, r.zh, r.en);
      cur = r.value;
    } else {
      const old = editing.field;
      let path = old.path;
      if (value.spec.key !== old.key) {
        const r = renameField(cur, old.path, value.spec.key);
        if (!r.ok) return pick(lang, r.zh, r.en);
        cur = r.value;
        path = [...old.path.slice(0, -1), value.spec.key];
        onRename(`/${old.path.join('/')}`, `/${path.join('/')}`);
      }
      const r = updateField(cur, path, value.spec, old.branch);
      if (!r.ok) return pick(lang, r.zh, r.en);
      cur = r.value;
    }
    const before = editing.mode === 'edit' ? (editing.field.condition ?? null) : null;
    const topLevel = editing.mode === 'add' ? editing.section.length === 0 : editing.field.path.length === 1;
    if (topLevel && JSON.stringify(before) !== JSON.stringify(value.condition)) {
      const r = setCondition(cur, value.spec.key, value.condition, editing.mode === 'edit' ? editing.field.branch : undefined);
      if (!r.ok) return pick(lang, r.zh, r.en);
      cur = r.value;
    }
    onChange(cur);
    setEditing(null);
    return null;
  };

  const row = (f: FieldView, depth: number) => (
    <li key={`${f.path.join('/')}#${f.branch ?? ''}`} class={`field-row depth-${depth}`} data-field={f.path.join('/')}>
      <div class="field-line">
        <span class="field-title">{f.title || f.key}</span>
        <code class="field-key">{f.key}</code>
        <span class="field-kind">{f.kind}</span>
        {f.required && <span class="tag required">{pick(lang, '必填', 'required')}</span>}
        {f.format && <span class="tag">{f.format}</span>}
        {f.readOnly && (
          <span class="tag" title={pick(lang, '引用公共定义、列表或多字段条件：请在 JSON 视图中编辑', 'Shared block, list or multi-field condition: edit in the JSON view')}>
            {pick(lang, 'JSON 编辑', 'edit as JSON')}
          </span>
        )}
        {f.condition && <span class="tag cond">{pick(lang, `当 ${f.condition.field} = ${String(f.condition.equals)}`, `when ${f.condition.field} = ${String(f.condition.equals)}`)}</span>}
        <span class="field-actions">
          <button type="button" class="btn small" aria-label={pick(lang, `上移 ${f.title}`, `Move ${f.title} up`)} onClick={() => onChange(moveField(doc, f.path, -1))}>
            ↑
          </button>
          <button type="button" class="btn small" aria-label={pick(lang, `下移 ${f.title}`, `Move ${f.title} down`)} onClick={() => onChange(moveField(doc, f.path, 1))}>
            ↓
          </button>
          {!f.readOnly && (
            <button type="button" class="btn small" onClick={() => setEditing({ mode: 'edit', field: f })}>
              {pick(lang, '编辑', 'Edit')}
            </button>
          )}
          <button
            type="button"
            class="btn small remove"
            aria-label={pick(lang, `删除 ${f.title}`, `Remove ${f.title}`)}
            onClick={() => {
              if (confirm(pick(lang, `删除字段“${f.title || f.key}”？已填写的数据将在迁移说明中列出。`, `Remove field "${f.title || f.key}"? Filled values are listed in the migration notes.`))) onChange(removeField(doc, f.path, f.branch));
            }}
          >
            {pick(lang, '删除', 'Remove')}
          </button>
        </span>
      </div>
      {f.kind === 'section' && !f.readOnly && (
        <>
          <ul class="field-list">{(f.children ?? []).map((c) => row(c, depth + 1))}</ul>
          <button type="button" class="btn small add" onClick={() => setEditing({ mode: 'add', section: f.path })}>
            {pick(lang, `在“${f.title}”中添加字段`, `Add a field to "${f.title}"`)}
          </button>
        </>
      )}
    </li>
  );

  return (
    <section class="field-editor" aria-label={pick(lang, '字段', 'Fields')}>
      <ul class="field-list">{fields.map((f) => row(f, 0))}</ul>
      <button type="button" class="btn primary add" onClick={() => setEditing({ mode: 'add', section: [] })}>
        {pick(lang, '添加字段', 'Add field')}
      </button>
      {editing && (
        <FieldForm
          key={editing.mode === 'edit' ? `${editing.field.path.join('/')}#${editing.field.branch ?? ''}` : `add:${editing.section.join('/')}`}
          lang={lang}
          field={editing.mode === 'edit' ? editing.field : undefined}
          conditionFields={conditionFields}
          canHaveCondition={editing.mode === 'add' ? editing.section.length === 0 : editing.field.path.length === 1}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
