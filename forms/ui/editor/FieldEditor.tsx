import { useState } from 'preact/hooks';
import {
  addField,
  listFields,
  moveField,
  placeField,
  removeField,
  renameField,
  setCondition,
  updateField,
  type FieldView,
  type SchemaAndUi,
} from '../../core/editor/schema-edit';
import type { Lang } from '../../core/i18n/lang';
import { FieldForm, type FieldFormValue, type Position } from './FieldForm';
import { textIn } from '../../core/i18n/text';

export interface FieldEditorProps {
  lang: Lang;
  doc: SchemaAndUi;
  /** the pack's English table (i18n/en.json): Chinese text → English */
  english: Record<string, string>;
  /** a change of the document, with English entries to add to the table */
  onChange(doc: SchemaAndUi, english?: Record<string, string>): void;
  /** a field's key changed: the publisher records it for drafts' migration */
  onRename(from: string, to: string): void;
}

type Editing = { mode: 'add'; section: string[]; position?: string } | { mode: 'edit'; field: FieldView } | null;

const parentOf = (f: FieldView) => f.path.slice(0, -1);
const posId = (section: string[], after: string | null) => `${section.join('/')}|${after ?? ''}`;

/** Every place in the outline: first in each section, and after each field (conditional ones too). */
function outlinePositions(fields: FieldView[], lang: Lang, section: string[] = [], depth = 0): Position[] {
  const pad = '\u3000'.repeat(depth);
  const sectionName = section.length ? section[section.length - 1] : '';
  const out: Position[] = [{ id: posId(section, null), section, after: null, label: section.length ? textIn({ zh: `${pad}“${sectionName}”分组的开头`, en: `${pad}start of section "${sectionName}"` }, lang) : textIn({ zh: '文书开头', en: 'start of the document' }, lang) }];
  for (const f of fields) {
    const when = f.condition ? textIn({ zh: `（当 ${f.condition.field} = ${String(f.condition.equals)} 时显示）`, en: ` (shown when ${f.condition.field} = ${String(f.condition.equals)})` }, lang) : '';
    out.push({ id: posId(section, f.key), section, after: f.key, label: textIn({ zh: `${pad}在“${f.title || f.key}”之后${when}`, en: `${pad}after "${f.title || f.key}"${when}` }, lang) });
    if (f.kind === 'section' && !f.readOnly && f.children) out.push(...outlinePositions(f.children, lang, f.path, depth + 1));
  }
  return out;
}

/** The visual field editor: fields and sections in order, with add, edit, move and remove. */
export function FieldEditor({ lang, doc, english, onChange, onRename }: FieldEditorProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [dragging, setDragging] = useState<FieldView | null>(null);
  const [dropTarget, setDropTarget] = useState('');
  const [moveError, setMoveError] = useState('');
  const fields = listFields(doc.schema, doc.ui);
  const positions = outlinePositions(fields, lang);
  const conditionFields = fields.filter((f) => f.path.length === 1 && !f.condition && ['select', 'boolean', 'text', 'integer'].includes(f.kind));

  const save = (value: FieldFormValue): string | null => {
    if (!editing) return null;
    let cur = doc;
    if (editing.mode === 'add') {
      const place = positions.find((p) => p.id === value.position) ?? { section: editing.section, after: undefined };
      const r = addField(cur, place.section, value.spec);
      if (!r.ok) return textIn(r, lang);
      cur = r.value;
      // one step: the new field lands where it was asked for
      if (place.after !== undefined) {
        const placed = placeField(cur, place.section, value.spec.key, place.after);
        if (!placed.ok) return textIn(placed, lang);
        cur = placed.value;
      }
    } else {
      const old = editing.field;
      let path = old.path;
      if (value.spec.key !== old.key) {
        const r = renameField(cur, old.path, value.spec.key);
        if (!r.ok) return textIn(r, lang);
        cur = r.value;
        path = [...old.path.slice(0, -1), value.spec.key];
        onRename(`/${old.path.join('/')}`, `/${path.join('/')}`);
      }
      const r = updateField(cur, path, value.spec, old.branch);
      if (!r.ok) return textIn(r, lang);
      cur = r.value;
    }
    const before = editing.mode === 'edit' ? (editing.field.condition ?? null) : null;
    const addedAt = editing.mode === 'add' ? positions.find((p) => p.id === value.position)?.section ?? editing.section : null;
    const topLevel = addedAt ? addedAt.length === 0 : editing.mode === 'edit' && editing.field.path.length === 1;
    if (topLevel && JSON.stringify(before) !== JSON.stringify(value.condition)) {
      const r = setCondition(cur, value.spec.key, value.condition, editing.mode === 'edit' ? editing.field.branch : undefined);
      if (!r.ok) return textIn(r, lang);
      cur = r.value;
    }
    const en: Record<string, string> = {};
    if (value.titleEn) en[value.spec.title] = value.titleEn;
    if (value.descriptionEn && value.spec.description) en[value.spec.description] = value.descriptionEn;
    onChange(cur, en);
    setEditing(null);
    return null;
  };

  /** drag and drop: a field dropped on another of its section goes right after it */
  const drop = (target: FieldView) => {
    setDropTarget('');
    if (!dragging || dragging === target) return;
    if (parentOf(dragging).join('/') !== parentOf(target).join('/')) {
      return setMoveError(textIn({ zh: `“${dragging.title}”只能在其所在分组内拖动；要放进其他分组，请在该分组中添加字段`, en: `"${dragging.title}" can be dragged within its own section only; add a field in the other section instead` }, lang));
    }
    const r = placeField(doc, parentOf(target), dragging.key, target.key);
    if (!r.ok) return setMoveError(textIn(r, lang));
    setMoveError('');
    onChange(r.value);
  };

  const row = (f: FieldView, depth: number) => (
    <li
      key={`${f.path.join('/')}#${f.branch ?? ''}`}
      class={`field-row depth-${depth}${dropTarget === f.path.join('/') ? ' drop-target' : ''}`}
      data-field={f.path.join('/')}
      draggable
      onDragStart={(e) => {
        e.stopPropagation();
        e.dataTransfer?.setData('text/plain', f.path.join('/'));
        setDragging(f);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setDropTarget(f.path.join('/'));
      }}
      onDragLeave={() => setDropTarget('')}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        drop(f);
        setDragging(null);
      }}
    >
      <div class="field-line">
        <span class="field-title">{f.title || f.key}</span>
        {english[f.title] && <span class="field-title-en" lang="en">{english[f.title]}</span>}
        <code class="field-key">{f.key}</code>
        <span class="field-kind">{f.kind}</span>
        {f.required && <span class="tag required">{textIn({ zh: '必填', en: 'required' }, lang)}</span>}
        {f.format && <span class="tag">{f.format}</span>}
        {f.readOnly && (
          <span class="tag" title={textIn({ zh: '引用公共定义、列表或多字段条件：请在 JSON 视图中编辑', en: 'Shared block, list or multi-field condition: edit in the JSON view' }, lang)}>
            {textIn({ zh: 'JSON 编辑', en: 'edit as JSON' }, lang)}
          </span>
        )}
        {f.condition && <span class="tag cond">{textIn({ zh: `当 ${f.condition.field} = ${String(f.condition.equals)}`, en: `when ${f.condition.field} = ${String(f.condition.equals)}` }, lang)}</span>}
        <span class="field-actions">
          <button type="button" class="btn small" aria-label={textIn({ zh: `上移 ${f.title}`, en: `Move ${f.title} up` }, lang)} onClick={() => onChange(moveField(doc, f.path, -1))}>
            ↑
          </button>
          <button type="button" class="btn small" aria-label={textIn({ zh: `下移 ${f.title}`, en: `Move ${f.title} down` }, lang)} onClick={() => onChange(moveField(doc, f.path, 1))}>
            ↓
          </button>
          <button
            type="button"
            class="btn small"
            // the name starts with the visible words, so a voice user can say what they see
            aria-label={textIn({ zh: `在此后添加：“${f.title || f.key}”之后的新字段`, en: `Add after “${f.title || f.key}”: a new field` }, lang)}
            onClick={() => setEditing({ mode: 'add', section: parentOf(f), position: posId(parentOf(f), f.key) })}
          >
            {textIn({ zh: '在此后添加', en: 'Add after' }, lang)}
          </button>
          {!f.readOnly && (
            <button type="button" class="btn small" onClick={() => setEditing({ mode: 'edit', field: f })}>
              {textIn({ zh: '编辑', en: 'Edit' }, lang)}
            </button>
          )}
          <button
            type="button"
            class="btn small remove"
            aria-label={textIn({ zh: `删除 ${f.title}`, en: `Remove ${f.title}` }, lang)}
            onClick={() => {
              if (confirm(textIn({ zh: `删除字段“${f.title || f.key}”？已填写的数据将在迁移说明中列出。`, en: `Remove field "${f.title || f.key}"? Filled values are listed in the migration notes.` }, lang))) onChange(removeField(doc, f.path, f.branch));
            }}
          >
            {textIn({ zh: '删除', en: 'Remove' }, lang)}
          </button>
        </span>
      </div>
      {f.kind === 'section' && !f.readOnly && (
        <>
          <ul class="field-list">{(f.children ?? []).map((c) => row(c, depth + 1))}</ul>
          <button type="button" class="btn small add" onClick={() => setEditing({ mode: 'add', section: f.path, position: posId(f.path, f.children?.length ? f.children[f.children.length - 1].key : null) })}>
            {textIn({ zh: `在“${f.title}”中添加字段`, en: `Add a field to "${f.title}"` }, lang)}
          </button>
        </>
      )}
    </li>
  );

  return (
    <section class="field-editor" aria-label={textIn({ zh: '字段', en: 'Fields' }, lang)}>
      <p class="hint">{textIn({ zh: '拖动字段可在同一分组内调整顺序；“在此后添加”把新字段直接放到该字段之后。', en: 'Drag a field to reorder it within its section; "Add after" puts a new field right after that one.' }, lang)}</p>
      {moveError && (
        <p class="problem" role="alert">
          {moveError}
        </p>
      )}
      <ul class="field-list">{fields.map((f) => row(f, 0))}</ul>
      <button type="button" class="btn primary add" onClick={() => setEditing({ mode: 'add', section: [] })}>
        {textIn({ zh: '添加字段', en: 'Add field' }, lang)}
      </button>
      {editing && (
        <FieldForm
          key={editing.mode === 'edit' ? `${editing.field.path.join('/')}#${editing.field.branch ?? ''}` : `add:${editing.section.join('/')}:${editing.position ?? ''}`}
          lang={lang}
          field={editing.mode === 'edit' ? editing.field : undefined}
          conditionFields={conditionFields}
          canHaveCondition={editing.mode === 'add' ? true : editing.field.path.length === 1}
          english={editing.mode === 'edit' ? { title: english[editing.field.title], description: editing.field.description ? english[editing.field.description] : undefined } : undefined}
          positions={editing.mode === 'add' ? positions : undefined}
          position={editing.mode === 'add' ? (editing.position ?? posId(editing.section, fields.length ? fields[fields.length - 1].key : null)) : undefined}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
