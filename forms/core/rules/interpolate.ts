import { readPath } from './rule-inputs';

/**
 * Fills `{path}` placeholders from the rule's scope (data, row, params, let…); lists read as `a、b`.
 * A placeholder left empty takes its quotes or brackets with it: 「第2个考核点“{row.name}”…」 for a site
 * not yet named reads 「第2个考核点…」, not 「第2个考核点“”…」.
 */
export function interpolate(template: string, scope: unknown, listSep = '、'): string {
  const EMPTY = '\u0000';
  // NUL marks an empty placeholder while its quotes are dropped; a template never holds one
  /* eslint-disable no-control-regex */
  return fill(template, scope, listSep, EMPTY)
    .replace(/ ?(?:“\u0000”|"\u0000"|「\u0000」|（\u0000）|\(\u0000\)|\u0000)/g, '')
    .replace(/\u0000/g, '');
  /* eslint-enable no-control-regex */
}

function fill(template: string, scope: unknown, listSep: string, empty: string): string {
  return template.replace(/\{([A-Za-z_$][\w$]*(?:\.[\w$-]+)*)\}/g, (_m, path: string) => {
    const v = readPath(scope, path);
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return empty;
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(listSep);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}
