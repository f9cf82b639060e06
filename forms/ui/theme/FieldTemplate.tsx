import type { FieldTemplateProps } from '@rjsf/utils';
import { useContext } from 'preact/hooks';
import { FindingList } from './FindingList';
import { FormKitContext, pointerOf } from './form-context';

/**
 * One field: label with required mark, the control, help, and the kit's findings for its JSON
 * pointer. Top-level groups become numbered sections (numbers by CSS counter, so print matches).
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, required, hidden, fieldPathId, schema, rawHelp, rawDescription, classNames, registry, displayLabel } = props;
  const ctx = useContext(FormKitContext);
  if (hidden) return <div class="hidden">{children}</div>;
  const path = fieldPathId.path;
  const pointer = pointerOf(path);
  const findings = ctx?.findingsByPath.get(pointer) ?? [];
  if (path.length === 0) {
    return (
      <div class="form-root">
        {children}
        {ctx && <FindingList pack={ctx.pack} findings={findings} id={`${id}__error`} />}
      </div>
    );
  }
  const isContainer =
    schema.type === 'object' || (schema.type === 'array' && !registry.schemaUtils.isMultiSelect(schema));
  const mark = required ? (
    <span class="req" aria-hidden="true">
      *
    </span>
  ) : null;
  const errorList = ctx && <FindingList pack={ctx.pack} findings={findings} id={`${id}__error`} />;
  if (isContainer) {
    const top = path.length === 1;
    // a list row is numbered by the list; repeating the row type's title on every row is noise
    const isRow = typeof path[path.length - 1] === 'number';
    const Heading = top ? 'h2' : 'h3';
    if (isRow) {
      return (
        <div class={`row-fields ${findings.length ? 'has-error' : ''}`} id={`${id}__section`} role="group" aria-label={label}>
          {errorList}
          {children}
        </div>
      );
    }
    return (
      <section
        class={`${top ? 'section' : 'group'} ${classNames ?? ''} ${findings.length ? 'has-error' : ''}`}
        id={`${id}__section`}
        aria-labelledby={`${id}__title`}
      >
        <Heading class="group-title" id={`${id}__title`}>
          {label}
          {mark}
        </Heading>
        {rawDescription && <p class="description">{rawDescription}</p>}
        {errorList}
        {children}
      </section>
    );
  }
  return (
    <div class={`field ${classNames ?? ''} ${findings.some((f) => f.severity === 'error') ? 'has-error' : ''}`}>
      {displayLabel !== false && (
        <label class="field-label" for={id}>
          {label}
          {mark}
        </label>
      )}
      {children}
      {rawDescription && <p class="description" id={`${id}__description`}>{rawDescription}</p>}
      {rawHelp && <p class="help" id={`${id}__help`}>{rawHelp}</p>}
      {errorList}
    </div>
  );
}
