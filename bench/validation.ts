/**
 * Node: one full validation (schema + every rule, as the workbench runs per keystroke) of the bench
 * document, by the precompiled engine, the interpreter, and stock Ajv compiled at run time (what an
 * RJSF + validator-ajv8 stack does). All three use the same format checkers and the same rules.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { formatCheckers } from '../forms/core/formats/registry';
import { activateReference } from '../forms/core/reference/reference-context';
import { documentSchema } from '../forms/core/pack/document-schema';
import type { Pack } from '../forms/core/pack/types';
import { evaluateRules } from '../forms/core/rules/evaluate-rules';
import { createInterpreterEngine } from '../forms/core/validation/interpreter-engine';
import { createPrecompiledEngine, type PrecompiledValidate } from '../forms/core/validation/precompiled-engine';
import { validateDocument } from '../forms/core/validation/validate-document';
import { summarize, timeCpu, timeSync, type Summary } from './stats';

export interface ValidationBench {
  precompiled: Summary;
  interpreter: Summary;
  ajvRuntime: Summary;
  /** one-off: compiling the document schema with Ajv at run time (needs eval, so not possible in MV3) */
  ajvCompileMs: number;
  /** schema part alone, median ms, per engine */
  schemaOnly: { precompiled: number; interpreter: number; ajvRuntime: number };
  rulesOnly: number;
  /** CPU time per full validation (median): what the budgets judge, since wall time on a loaded machine is mostly waiting */
  cpu: { precompiled: number; interpreter: number; ajvRuntime: number };
}

export function benchValidation(
  pack: Pack,
  byDocument: Record<string, PrecompiledValidate>,
  docId: string,
  data: unknown,
  iterations = 400,
): ValidationBench {
  const today = '2025-03-10';
  // the engines are also timed alone, outside validateDocument (which activates the pack itself)
  activateReference(pack);
  const pre = createPrecompiledEngine(byDocument);
  const int = createInterpreterEngine(pack);
  const t0 = performance.now();
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const [name, f] of Object.entries(formatCheckers)) ajv.addFormat(name, f.validate);
  const ajvValidate = ajv.compile(structuredClone(documentSchema(pack, docId)));
  const ajvCompileMs = performance.now() - t0;
  const ajvFull = () => {
    ajvValidate(data);
    return evaluateRules(pack, docId, data, { today, lang: 'zh' });
  };
  const med = (fn: () => unknown) => summarize(timeSync(fn, iterations)).median;
  const cpu = (fn: () => unknown) => summarize(timeCpu(fn, iterations)).median;
  const preFull = () => validateDocument(pack, pre, docId, data, { today });
  const intFull = () => validateDocument(pack, int, docId, data, { today });
  return {
    precompiled: summarize(timeSync(preFull, iterations)),
    interpreter: summarize(timeSync(intFull, iterations)),
    ajvRuntime: summarize(timeSync(ajvFull, iterations)),
    ajvCompileMs,
    schemaOnly: {
      precompiled: med(() => pre.validate(docId, data)),
      interpreter: med(() => int.validate(docId, data)),
      ajvRuntime: med(() => ajvValidate(data)),
    },
    rulesOnly: med(() => evaluateRules(pack, docId, data, { today, lang: 'zh' })),
    cpu: { precompiled: cpu(preFull), interpreter: cpu(intFull), ajvRuntime: cpu(ajvFull) },
  };
}
