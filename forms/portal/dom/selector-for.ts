/**
 * A CSS selector the recorder saves for a clicked field: the field's id when it looks stable,
 * else its name, else a short path of tag:nth-of-type steps from the nearest element with an id.
 * Generated ids (`el-id-1024-7`, `rc_select_3`) change per page load and are not used.
 */
const GENERATED_ID = /^(el-id-|rc_|:r|react-|\d)|\d{3,}/;

export function selectorFor(el: Element): string {
  const id = el.getAttribute('id');
  if (id && !GENERATED_ID.test(id)) return `#${CSS.escape(id)}`;
  const name = el.getAttribute('name');
  if (name && el.ownerDocument.querySelectorAll(`${el.tagName.toLowerCase()}[name="${CSS.escape(name)}"]`).length === 1) {
    return `${el.tagName.toLowerCase()}[name="${CSS.escape(name)}"]`;
  }
  const steps: string[] = [];
  let cur: Element | null = el;
  while (cur && cur !== el.ownerDocument.body && steps.length < 8) {
    const cid = cur.getAttribute('id');
    if (cid && !GENERATED_ID.test(cid) && cur !== el) {
      steps.unshift(`#${CSS.escape(cid)}`);
      break;
    }
    const parent: Element | null = cur.parentElement;
    const same = parent ? [...parent.children].filter((c) => c.tagName === cur!.tagName) : [];
    steps.unshift(same.length > 1 ? `${cur.tagName.toLowerCase()}:nth-of-type(${same.indexOf(cur) + 1})` : cur.tagName.toLowerCase());
    cur = parent;
  }
  return steps.join(' > ');
}
