import { readPath } from './rule-inputs';

/** Fills `{path}` placeholders from the rule's scope (data, row, params, let…); lists read as `a、b`. */
export function interpolate(template: string, scope: unknown, listSep = '、'): string {
  return template.replace(/\{([A-Za-z_$][\w$]*(?:\.[\w$-]+)*)\}/g, (_m, path: string) => {
    const v = readPath(scope, path);
    if (v === undefined || v === null) return '';
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(listSep);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}
