import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, IconButtonProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';
import { t } from '../../../shared/i18n';
import { useFormLang } from './form-context';
import { addLabel } from './table-labels';

/** Rows of a list with add / reorder / remove buttons in words, not icon fonts. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { items, canAdd, onAddClick, disabled, readonly, fieldPathId, title, schema } = props;
  const lang = useFormLang();
  return (
    <div class="array" id={`${fieldPathId.$id}__array`}>
      {items.length === 0 && <p class="array-empty">{t('emptyList', lang)}</p>}
      {items}
      {canAdd && (
        <button type="button" class="btn add" onClick={onAddClick} disabled={disabled || readonly}>
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
