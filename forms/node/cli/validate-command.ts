import { todayIso } from '../../core/formats/calendar-date';
import type { Pack } from '../../core/pack/types';
import { createInterpreterEngine } from '../../core/validation/interpreter-engine';
import type { Finding } from '../../core/findings/finding';
import type { Lang } from '../../core/i18n/lang';
import { validateDocument } from '../../core/validation/validate-document';
import { CliError } from './cli-error';
import { readJsonInput } from './read-json-input';

export interface ValidateJson {
  valid: boolean;
  errors: Array<Pick<Finding, 'path' | 'message' | 'severity' | 'ruleId' | 'citation' | 'basis'>>;
}

/**
 * `formkit validate <docId> <file|->`: schema and rule findings. The interpreter engine validates the pack
 * as it is on disk (no build step, so a pack being edited is checked as edited).
 */
export function validateCommand(pack: Pack, args: string[], opts: { json: boolean; today?: string; lang: Lang }): { out: string; code: number } {
  const [docId, source] = args;
  if (!docId) throw new CliError('用法 / usage: formkit validate <docId> <file.json|-> [--today YYYY-MM-DD] [--json]');
  if (!pack.documents[docId]) {
    throw new CliError(`未知的文书 / unknown document "${docId}"; 可选 / available: ${pack.manifest.documents.join(', ')}`);
  }
  const data = readJsonInput(source);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const got = Array.isArray(data) ? '列表 / a list' : data === null ? 'null' : `${typeof data}`;
    throw new CliError(`${source === '-' ? 'stdin' : source}: 顶层应为 JSON 对象，收到${got} / the top-level value must be a JSON object`);
  }
  const result = validateDocument(pack, createInterpreterEngine(pack), docId, data, { today: opts.today ?? todayIso(), lang: opts.lang });
  const code = result.valid ? 0 : 1;
  if (opts.json) {
    const body: ValidateJson = {
      valid: result.valid,
      errors: result.findings.map((f) => ({
        path: f.path,
        message: f.message,
        severity: f.severity,
        ...(f.ruleId ? { ruleId: f.ruleId } : {}),
        ...(f.citation ? { citation: f.citation } : {}),
        ...(f.basis ? { basis: f.basis } : {}),
      })),
    };
    return { out: JSON.stringify(body, null, 2), code };
  }
  const lines = result.findings.map((f) => {
    const mark = f.severity === 'error' ? '✗' : '!';
    // a form requirement or a national rule says so, so it never reads as an article of the notice
    const kind = f.basis && f.basis.type !== 'notice' ? `${f.basis.label} ` : '';
    const cite = f.citation ? ` 〔${kind}${f.citation.label}${f.ruleId ? ` ${f.ruleId}` : ''}〕` : '';
    return `${mark} ${f.path || '/'}  ${f.message}${cite}`;
  });
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const summary =
    opts.lang === 'en'
      ? `${docId}: ${result.valid ? 'valid' : 'invalid'} (${errors} errors, ${warnings} warnings)`
      : `${docId}：${result.valid ? '通过' : '未通过'}（${errors} 个错误，${warnings} 个提醒）`;
  return { out: [...lines, summary].join('\n'), code };
}
