import jsonLogic from 'json-logic-js';
import { registerOperations } from '../rules/operations';
import { encodePrefill } from '../drafts/prefill-codec';
import { isSafePointer } from '../schema/json-pointer';
import type { CheckDef, CheckResult } from './types';
import { setAt } from '../schema/json-pointer';

const absent = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The document a check's answer carries into, or null when the answer leads to no document. */
export function prefillDocument(def: CheckDef, input: Record<string, unknown>, result?: CheckResult): string | null {
  if (!def.document) return null;
  if (typeof def.document === 'string') return def.document;
  registerOperations();
  const doc = jsonLogic.apply(def.document as never, { input, out: result ?? {} } as never);
  return typeof doc === 'string' && doc ? doc : null;
}

/** The document data the answers carry into: each mapped value set at its JSON pointer. */
export function prefillData(def: CheckDef, input: Record<string, unknown>, result?: CheckResult): Record<string, unknown> {
  registerOperations();
  const data: Record<string, unknown> = {};
  for (const [pointer, from] of Object.entries(def.prefill ?? {})) {
    const value = typeof from === 'string' ? input[from] : jsonLogic.apply(from.logic as never, { input, out: result ?? {} } as never);
    if (absent(value) || !isSafePointer(pointer)) continue; // an unsafe target (refused by pack check) is never written
    setAt(data, pointer, value);
  }
  return data;
}

/** The workbench link (relative to the extension root) that opens the document already filled with the answers. */
export function prefillLink(def: CheckDef, input: Record<string, unknown>, result?: CheckResult): string | null {
  const doc = prefillDocument(def, input, result);
  return doc ? `workbench.html#/new/${doc}?prefill=${encodePrefill(prefillData(def, input, result))}` : null;
}
