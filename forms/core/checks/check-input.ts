import jsonLogic from 'json-logic-js';
import { dateProblem } from '../formats/calendar-date';
import { registerOperations } from '../rules/operations';
import type { CheckField, CheckInputProblem, CheckInputSpec } from './types';

const TYPE_NAMES: Record<CheckField['type'], { zh: string; en: string }> = {
  string: { zh: '文本', en: 'a string' },
  boolean: { zh: '布尔值 true/false', en: 'a boolean (true/false)' },
  integer: { zh: '整数', en: 'an integer' },
  number: { zh: '数字', en: 'a number' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

const typeOk = (t: CheckField['type'], v: unknown): boolean =>
  t === 'array'
    ? Array.isArray(v)
    : t === 'object'
      ? typeof v === 'object' && v !== null && !Array.isArray(v)
      : t === 'integer'
        ? Number.isInteger(v)
        : t === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : typeof v === t;

const show = (v: unknown) => JSON.stringify(v);

/** One field's problems (recursing into list items and objects); `name` is the field's path as the user wrote it. */
function fieldProblems(name: string, f: CheckField, v: unknown): CheckInputProblem[] {
  if (!typeOk(f.type, v)) {
    return [{ field: name, title: f.title, zh: `字段 ${name}（${f.title.zh}）应为${TYPE_NAMES[f.type].zh}，收到 ${show(v)}`, en: `field ${name} (${f.title.en}) must be ${TYPE_NAMES[f.type].en}, got ${show(v)}` }];
  }
  const retired = typeof v === 'string' && f.retiredValues && Object.hasOwn(f.retiredValues, v) ? f.retiredValues[v] : undefined;
  if (retired) return [{ field: name, title: f.title, zh: `字段 ${name}（${f.title.zh}）：${retired.zh}`, en: `field ${name} (${f.title.en}): ${retired.en}` }];
  if (f.enum && !f.enum.includes(v as string) && !(typeof v === 'string' && f.aliases && v in f.aliases)) {
    const allowed = f.enum.map(String).join(', ');
    return [{ field: name, title: f.title, zh: `字段 ${name}（${f.title.zh}）的值 ${show(v)} 无效，可选值：${allowed}`, en: `field ${name} (${f.title.en}): unknown value ${show(v)}; allowed values: ${allowed}` }];
  }
  if (f.format === 'date' && dateProblem(v as string)) {
    return [{ field: name, title: f.title, zh: `字段 ${name}（${f.title.zh}）应为 YYYY-MM-DD 格式的真实日期，收到 ${show(v)}`, en: `field ${name} (${f.title.en}) must be a real date YYYY-MM-DD, got ${show(v)}` }];
  }
  if (typeof v === 'string' && f.maxLength !== undefined && v.length > f.maxLength) {
    return [{ field: name, title: f.title, zh: `字段 ${name}（${f.title.zh}）过长：最多 ${f.maxLength} 个字符，收到 ${v.length} 个`, en: `field ${name} (${f.title.en}) is too long: at most ${f.maxLength} characters, got ${v.length}` }];
  }
  if (f.pattern && !new RegExp(f.pattern).test(v as string)) {
    const hint = f.placeholder ? `，如 ${f.placeholder}` : '';
    return [{ field: name, title: f.title, zh: `字段 ${name}（${f.title.zh}）格式不正确${hint}，收到 ${show(v)}`, en: `field ${name} (${f.title.en}) has the wrong form${f.placeholder ? `, e.g. ${f.placeholder}` : ''}; got ${show(v)}` }];
  }
  if (typeof v === 'number' && ((f.minimum !== undefined && v < f.minimum) || (f.maximum !== undefined && v > f.maximum))) {
    const range = `${f.minimum ?? ''}–${f.maximum ?? ''}`;
    return [{ field: name, title: f.title, zh: `字段 ${name}（${f.title.zh}）应在 ${range} 之间，收到 ${v}`, en: `field ${name} (${f.title.en}) must be within ${range}, got ${v}` }];
  }
  if (f.type === 'array' && f.items) return (v as unknown[]).flatMap((item, i) => fieldProblems(`${name}[${i}]`, f.items!, item));
  if (f.type === 'object' && f.properties) return objectProblems(name, f.properties, f.required ?? [], v as Record<string, unknown>);
  return [];
}

function objectProblems(prefix: string, props: Record<string, CheckField>, required: string[], obj: Record<string, unknown>): CheckInputProblem[] {
  const out: CheckInputProblem[] = [];
  for (const key of required) {
    if (obj[key] === undefined || obj[key] === null || obj[key] === '') {
      const name = prefix ? `${prefix}.${key}` : key;
      const title = props[key]?.title ?? { zh: key, en: key };
      out.push({ field: name, title, missing: true, zh: `缺少必填字段 ${name}（${title.zh}）`, en: `missing required field ${name} (${title.en})` });
    }
  }
  // a misspelt field would otherwise be ignored and the answer given as if it were missing
  for (const key of Object.keys(obj)) {
    if (Object.hasOwn(props, key)) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const known = Object.keys(props).join(', ');
    out.push({ field: name, title: { zh: key, en: key }, zh: `未知字段 ${name}；可用字段：${known}`, en: `unknown field ${name}; known fields: ${known}` });
  }
  for (const [key, f] of Object.entries(props)) {
    const v = obj[key];
    if (v === undefined || v === null || (v === '' && f.type === 'string')) continue;
    out.push(...fieldProblems(prefix ? `${prefix}.${key}` : key, f, v));
  }
  return out;
}

/** Why an input cannot be checked — each problem one line in Chinese and English, naming the field. */
export function checkInputProblems(spec: CheckInputSpec, input: unknown): CheckInputProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ zh: `输入应为 JSON 对象，收到 ${Array.isArray(input) ? '列表' : show(input)}`, en: `input must be a JSON object, got ${Array.isArray(input) ? 'a list' : show(input)}` }];
  }
  registerOperations();
  const obj = input as Record<string, unknown>;
  const required = [...(spec.required ?? [])];
  for (const [key, logic] of Object.entries(spec.requiredWhen ?? {})) {
    if (jsonLogic.truthy(jsonLogic.apply(logic as never, obj as never))) required.push(key);
  }
  return objectProblems('', spec.properties, required, obj);
}

/** The input with accepted aliases replaced by their canonical values (`五级` → `初级工`). */
export function canonicalInput(spec: CheckInputSpec, input: Record<string, unknown>): Record<string, unknown> {
  const canon = (f: CheckField, v: unknown): unknown => {
    if (typeof v === 'string' && f.aliases && v in f.aliases) return f.aliases[v];
    if (Array.isArray(v) && f.items) return v.map((x) => canon(f.items!, x));
    if (v && typeof v === 'object' && f.properties) {
      const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      for (const [k, pf] of Object.entries(f.properties)) if (k in o) o[k] = canon(pf, o[k]);
      return o;
    }
    return v;
  };
  const out: Record<string, unknown> = { ...input };
  for (const [k, f] of Object.entries(spec.properties)) if (k in out) out[k] = canon(f, out[k]);
  return out;
}
