/**
 * The JSON Schema subset both engines (ajv standalone and @cfworker/json-schema) judge alike, and that
 * RJSF renders predictably. Anything outside it would validate differently in the workbench than in
 * the CLI, so it is refused with the place and the way to write it instead.
 */
import { customFormatNames } from '../formats/registry';
import { patternProblems } from './pack-patterns';
import { checkPattern } from './regex-safety';
import { at, seg, type PackProblem } from './problem';

/** Keywords allowed beside `$ref`: annotations only (a `$ref` sibling is ignored by draft-07). */
const REF_SIBLINGS = new Set(['$ref', 'title', 'description', '$comment', 'default', 'examples', 'readOnly']);
const MAP_KEYWORDS = ['properties', 'definitions', 'patternProperties', 'dependencies'];
const ONE_KEYWORDS = ['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];

export interface SubsetContext {
  file: string;
  /** pointer of the schema inside its file (shared definitions live under `/definitions/<name>`) */
  base?: string;
  /** names a `#/definitions/<name>` may point to (the document's own and the pack's shared ones) */
  definitions: Set<string>;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkSchemaSubset(schema: unknown, ctx: SubsetContext, rootIsDocument: boolean): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (pointer: string, zh: string, en: string) => problems.push({ where: at(ctx.file, (ctx.base ?? '') + pointer), zh, en });

  const visit = (node: unknown, pointer: string, allowConditional: boolean) => {
    if (!isNode(node)) return;
    if ('$schema' in node && node.$schema !== 'http://json-schema.org/draft-07/schema#') {
      add(pointer + seg('$schema'), '只支持 JSON Schema draft-07', 'only JSON Schema draft-07 is supported');
    }
    if (typeof node.$ref === 'string') {
      const m = /^#\/definitions\/([^/]+)$/.exec(node.$ref);
      if (!m) add(pointer + seg('$ref'), '$ref 只能指向 #/definitions/<名称>', '$ref may only point at #/definitions/<name>');
      else if (!ctx.definitions.has(m[1])) add(pointer + seg('$ref'), `引用的定义 ${m[1]} 不存在`, `definition ${m[1]} does not exist`);
      const extra = Object.keys(node).filter((k) => !REF_SIBLINGS.has(k) && !k.startsWith('x-') && !k.startsWith('ui:'));
      if (extra.length) {
        add(pointer, `$ref 旁不能有校验关键字（${extra.join('、')}）：请写在被引用的定义里`, `no validation keywords beside $ref (${extra.join(', ')}): put them in the referenced definition`);
      }
    }
    if (node.additionalProperties === false) {
      add(pointer + seg('additionalProperties'), '不支持 additionalProperties: false（会拒绝条件字段和旧草稿的数据）', 'additionalProperties: false is not supported (it rejects conditional fields and older drafts)');
    }
    for (const k of ['oneOf', 'anyOf']) {
      if (k in node) add(pointer + seg(k), `不支持 ${k}：选项请用 enum，并在 ui.json 中用 ui:enumNames 写名称`, `${k} is not supported: use enum, with labels as ui:enumNames in ui.json`);
    }
    if (('if' in node || 'then' in node || 'else' in node) && !allowConditional) {
      add(pointer, '条件（if/then）只能写在文书顶层的 allOf: [{if, then}] 中', 'conditions (if/then) belong only in the document\'s top-level allOf: [{if, then}]');
    }
    if ('format' in node && !customFormatNames.includes(String(node.format))) {
      add(pointer + seg('format'), `不支持的格式 ${String(node.format)}（可用：${customFormatNames.join('、')}）`, `unsupported format ${String(node.format)} (available: ${customFormatNames.join(', ')})`);
    }
    patternProblems(node, pointer, add);
    if (isNode(node.patternProperties)) {
      for (const p of Object.keys(node.patternProperties)) {
        const v = checkPattern(p);
        if (!v.ok) add(pointer + seg('patternProperties') + seg(p), v.zh!, v.en!);
      }
    }
    for (const k of MAP_KEYWORDS) {
      if (isNode(node[k])) for (const [name, sub] of Object.entries(node[k] as Node)) visit(sub, pointer + seg(k) + seg(name), false);
    }
    for (const k of ONE_KEYWORDS) if (k in node) visit(node[k], pointer + seg(k), false);
    if (Array.isArray(node.items)) node.items.forEach((s, i) => visit(s, pointer + seg('items') + seg(i), false));
    else visit(node.items, pointer + seg('items'), false);
    for (const k of ARRAY_KEYWORDS) {
      if (!Array.isArray(node[k])) continue;
      (node[k] as unknown[]).forEach((s, i) => {
        const conditional = rootIsDocument && pointer === '' && k === 'allOf';
        if (conditional && isNode(s)) checkConditional(s, pointer + seg(k) + seg(i), node);
        // inside an allowed condition, `if`/`then`/`else` themselves are ordinary schemas
        if (conditional && isNode(s)) {
          for (const part of ['if', 'then', 'else']) visit(s[part], pointer + seg(k) + seg(i) + seg(part), false);
          const rest = Object.fromEntries(Object.entries(s).filter(([key]) => !['if', 'then', 'else'].includes(key)));
          visit(rest, pointer + seg(k) + seg(i), false);
        } else visit(s, pointer + seg(k) + seg(i), false);
      });
    }
  };

  /** Fields a condition reveals are declared only in its `then`, never also at the top level. */
  const checkConditional = (cond: Node, pointer: string, root: Node) => {
    const top = isNode(root.properties) ? root.properties : {};
    const then = isNode(cond.then) && isNode(cond.then.properties) ? cond.then.properties : {};
    for (const name of Object.keys(then)) {
      if (name in top && !isEmptyStub(then[name])) {
        add(pointer + seg('then') + seg('properties') + seg(name), `条件字段 ${name} 只能在 then 中声明（已在顶层 properties 中）`, `conditional field ${name} must be declared only in then (it is also a top-level property)`);
      }
    }
  };

  visit(schema, '', false);
  return problems;
}

/** `then.properties.x: {}` or with only annotations narrows nothing and is harmless. */
const isEmptyStub = (v: unknown) => isNode(v) && Object.keys(v).every((k) => k === 'title' || k === 'description');
