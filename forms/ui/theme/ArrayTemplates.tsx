import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, IconButtonProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { useFormLang } from './form-context';
import { addLabel } from './table-labels';

/** The first field a user types into in a card: not a read-only, disabled or hidden one. */
const FIRST_FIELD = 'input:not([type="hidden"]):not([readonly]):not([disabled]), select:not([disabled]), textarea:not([readonly]):not([disabled])';

/** Rows of a list with add / reorder / remove buttons in words, not icon fonts. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { items, canAdd, onAddClick, disabled, readonly, fieldPathId, title, schema } = props;
  const lang = useFormLang();
  const list = useRef<HTMLDivElement>(null);
  // after 添加: the new card's first field takes the focus (as a table's new row does), not the button below it
  const added = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (added.current === null || items.length <= added.current) return;
    added.current = null;
    const cards = list.current?.querySelectorAll(':scope > .array-item');
    cards?.[cards.length - 1]?.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
  }, [items.length]);
  const add = (e: MouseEvent) => {
    added.current = items.length;
    onAddClick(e);
  };
  return (
    <div class="array" id={`${fieldPathId.$id}__array`} ref={list}>
      {items.length === 0 && <p class="array-empty">{t('emptyList', lang)}</p>}
      {items}
      {canAdd && (
        <button type="button" class="btn add" onClick={add} disabled={disabled || readonly}>
          {addLabel(String(title ?? schema.title ?? ''), lang)}
        </button>
      )}
    </div>
  );
}

export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index, registry, uiSchema } = props;
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <div class="array-item">
      <div class="array-item-index" aria-hidden="true">
        {index + 1}
      </div>
      <div class="array-item-body">{children}</div>
      {hasToolbar && (
        <div class="array-item-tools">
          <Buttons {...buttonsProps} />
        </div>
      )}
    </div>
  );
}

function textButton(key: Parameters<typeof t>[0], cls: string) {
  return function TextButton(props: IconButtonProps) {
    const { registry: _r, uiSchema: _u, icon: _i, iconType: _t, className, ...rest } = props;
    const lang = useFormLang();
    return (
      <button type="button" {...(rest as Record<string, unknown>)} class={`btn ${cls} ${className ?? ''}`}>
        {t(key, lang)}
      </button>
    );
  };
}

export const ButtonTemplates = {
  AddButton: textButton('addItem', 'add'),
  RemoveButton: textButton('removeItem', 'remove'),
  MoveUpButton: textButton('moveUp', 'move'),
  MoveDownButton: textButton('moveDown', 'move'),
  CopyButton: textButton('copyItem', 'copy'),
  ClearButton: textButton('clear', 'clear'),
};
