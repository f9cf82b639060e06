import { useEffect, useState } from 'preact/hooks';
import type { Pack } from '../../core/pack/types';
import { runRuleCase, type CaseResult } from '../../core/rules/run-case';
import type { Rule, RuleCase } from '../../core/rules/types';
import type { Lang } from '../../core/i18n/lang';
import { builderOf, logicOf, OPS, type Builder, type Clause, type Op } from './condition-builder';
import { CitationSelect } from './ParametersEditor';
import type { PackProblem } from '../../core/editor/problem';
import { textIn } from '../../core/i18n/text';

export interface RuleEditorProps {
  lang: Lang;
  /** the pack as edited (cases run against it) */
  pack: Pack | null;
  docId: string;
  rules: Rule[];
  /** data paths a condition can read (`data.x.y`) */
  fieldPaths: { path: string; title: string }[];
  onChange(rules: Rule[]): void;
  /** problems of this rules file (`where` = `<file>#/rules/<i>…`), shown at their rule and case */
  problems?: PackProblem[];
  file?: string;
  /** a problem the user followed: select its rule and show its case */
  focus?: { rule: number; case?: number; nonce: number };
}

function JsonArea({ label, value, onValue, rows = 4, name }: { label: string; value: unknown; onValue(v: unknown): void; rows?: number; name: string }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [bad, setBad] = useState(false);
  return (
    <label>
      {label}
      <textarea
        name={name}
        class="mono"
        rows={rows}
        value={text}
        aria-invalid={bad}
        onInput={(e) => {
          const t = e.currentTarget.value;
          setText(t);
          if (!t.trim()) {
            setBad(false);
            return onValue(undefined);
          }
          try {
            onValue(JSON.parse(t));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
    </label>
  );
}

function ConditionBuilder({ lang, label, logic, fieldPaths, onLogic, name }: { lang: Lang; label: string; logic: unknown; fieldPaths: RuleEditorProps['fieldPaths']; onLogic(l: unknown): void; name: string }) {
  const [raw, setRaw] = useState(false);
  const b = builderOf(logic);
  const set = (next: Builder) => onLogic(logicOf(next));
  const setClause = (i: number, c: Partial<Clause>) => b && set({ ...b, clauses: b.clauses.map((x, k) => (k === i ? { ...x, ...c } : x)) });
  return (
    <fieldset class="condition" data-condition={name}>
      <legend>{label}</legend>
      <label class="inline">
        <input type="checkbox" checked={raw || !b} disabled={!b} onChange={(e) => setRaw(e.currentTarget.checked)} />
        {textIn({ zh: '原始 JSON Logic', en: 'Raw JSON Logic' }, lang)}
      </label>
      {raw || !b ? (
        <JsonArea key={`${name}:raw`} name={`${name}-raw`} label={textIn({ zh: '表达式', en: 'Expression' }, lang)} value={logic} onValue={onLogic} rows={6} />
      ) : (
        <>
          {b.clauses.length > 1 && (
            <select value={b.join} onChange={(e) => set({ ...b, join: e.currentTarget.value as Builder['join'] })} aria-label={textIn({ zh: '组合方式', en: 'Join' }, lang)}>
              <option value="and">{textIn({ zh: '全部满足', en: 'all of' }, lang)}</option>
              <option value="or">{textIn({ zh: '任一满足', en: 'any of' }, lang)}</option>
            </select>
          )}
          {b.clauses.map((c, i) => (
            <div class="row clause" key={i}>
              <select name={`${name}-path`} value={c.path} onChange={(e) => setClause(i, { path: e.currentTarget.value })} aria-label={textIn({ zh: '字段', en: 'Field' }, lang)}>
                <option value="" />
                {fieldPaths.map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.title} ({f.path})
                  </option>
                ))}
                {!fieldPaths.some((f) => f.path === c.path) && c.path && <option value={c.path}>{c.path}</option>}
              </select>
              <select name={`${name}-op`} value={c.op} onChange={(e) => setClause(i, { op: e.currentTarget.value as Op })} aria-label={textIn({ zh: '比较', en: 'Operator' }, lang)}>
                {OPS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
              <input name={`${name}-value`} value={c.value} onInput={(e) => setClause(i, { value: e.currentTarget.value })} aria-label={textIn({ zh: '值', en: 'Value' }, lang)} />
              <button type="button" class="btn small remove" onClick={() => set({ ...b, clauses: b.clauses.filter((_, k) => k !== i) })}>
                ×
              </button>
            </div>
          ))}
          <button type="button" class="btn small" onClick={() => set({ ...b, clauses: [...b.clauses, { path: fieldPaths[0]?.path ?? '', op: '==', value: '' }] })}>
            {textIn({ zh: '添加比较', en: 'Add comparison' }, lang)}
          </button>
        </>
      )}
    </fieldset>
  );
}

function CaseRow({ lang, pack, rule, c, index, problems, onCase, onRemove }: { lang: Lang; pack: Pack | null; rule: Rule; c: RuleCase; index: number; problems: PackProblem[]; onCase(c: RuleCase): void; onRemove(): void }) {
  const [result, setResult] = useState<CaseResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fires = c.expect.length > 0;
  // a result belongs to the case and rule as they were run: any edit clears it
  useEffect(() => setResult(null), [c, rule]);
  const run = () => {
    if (!pack) return setError(textIn({ zh: '文书包有问题，无法运行', en: 'The pack has problems; cannot run' }, lang));
    try {
      setResult(runRuleCase(pack, rule, c));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <li class={`case ${problems.length ? 'has-problem' : ''}`} data-case={index}>
      {problems.map((p, i) => (
        <p key={i} class="problem" role="alert">
          {textIn(p, lang)}
        </p>
      ))}
      {(c.params || c.reference) && (
        <p class="hint">
          {textIn({ zh: '本用例按以下假设运行：', en: 'This case runs with: ' }, lang)}
          {c.params && Object.entries(c.params).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('，')}
          {c.reference && Object.entries(c.reference).map(([k, v]) => textIn({ zh: ` ${k} 中的 ${(v as { entries?: unknown[] }).entries?.length ?? 0} 行`, en: ` ${(v as { entries?: unknown[] }).entries?.length ?? 0} row(s) of ${k}` }, lang)).join('，')}
        </p>
      )}
      <div class="row">
        <label>
          {textIn({ zh: '用例名称', en: 'Case name' }, lang)}
          <input name="case-name" value={c.name} onInput={(e) => onCase({ ...c, name: e.currentTarget.value })} />
        </label>
        <label class="inline">
          <input type="checkbox" name="case-fires" checked={fires} onChange={(e) => onCase({ ...c, expect: e.currentTarget.checked ? [rule.id] : [] })} />
          {textIn({ zh: '应触发本规则', en: 'Rule should fire' }, lang)}
        </label>
        <label>
          {textIn({ zh: '当日', en: 'Today' }, lang)}
          <input name="case-today" value={c.today ?? ''} placeholder="2025-06-01" onInput={(e) => onCase({ ...c, today: e.currentTarget.value || undefined })} />
        </label>
      </div>
      <JsonArea name="case-data" label={textIn({ zh: '输入数据', en: 'Input data' }, lang)} value={c.data} onValue={(v) => onCase({ ...c, data: v ?? {} })} />
      <div class="row">
        <button type="button" class="btn small" onClick={run}>
          {textIn({ zh: '运行', en: 'Run' }, lang)}
        </button>
        <button type="button" class="btn small remove" onClick={onRemove}>
          {textIn({ zh: '删除用例', en: 'Remove case' }, lang)}
        </button>
        {result && (
          <span class={`case-result ${result.ok ? 'pass' : 'fail'}`} role="status">
            {result.ok ? textIn({ zh: '通过', en: 'pass' }, lang) : textIn({ zh: `未通过：期望 ${result.expected.join(', ') || '不触发'}，实际 ${result.fired.join(', ') || '未触发'}`, en: `fail: expected ${result.expected.join(', ') || 'nothing'}, got ${result.fired.join(', ') || 'nothing'}` }, lang)}
            {result.problems.length > 0 && ` (${result.problems.join('; ')})`}
          </span>
        )}
        {error && <span class="problem">{error}</span>}
      </div>
    </li>
  );
}

/** Rules of one document: list, and one rule's condition, citation, message, severity, params and cases. */
export function RuleEditor({ lang, pack, docId, rules, fieldPaths, onChange, problems = [], file = '', focus }: RuleEditorProps) {
  const [selected, setSelected] = useState<number>(focus?.rule ?? (rules.length ? 0 : -1));
  useEffect(() => {
    if (!focus) return;
    setSelected(focus.rule);
    // after the rule's form has rendered: bring the case (or the rule) into view and mark it
    setTimeout(() => {
      const el = document.querySelector<HTMLElement>(focus.case !== undefined ? `.rule-form [data-case="${focus.case}"]` : '.rule-form');
      el?.scrollIntoView({ block: 'center' });
      el?.classList.add('flash');
      el?.querySelector<HTMLElement>('input, textarea')?.focus();
    }, 50);
  }, [focus?.nonce]);
  const rule = rules[selected];
  const ruleWhere = `${file}#/rules/${selected}`;
  const ruleProblems = problems.filter((p) => p.where === ruleWhere || p.where.startsWith(`${ruleWhere}/`));
  const caseProblems = (k: number) => ruleProblems.filter((p) => p.where === `${ruleWhere}/cases/${k}`);
  const problemCount = (i: number) => problems.filter((p) => p.where === `${file}#/rules/${i}` || p.where.startsWith(`${file}#/rules/${i}/`)).length;
  const update = (r: Rule) => onChange(rules.map((x, i) => (i === selected ? r : x)));
  const article = rule && pack ? pack.sources[rule.citation?.source]?.articles.find((a) => a.id === rule.citation?.article) : undefined;
  const addRule = () => {
    const n = rules.length + 1;
    // no default citation: the article a rule rests on is a choice, and the pack checks insist on it
    const fresh: Rule = {
      id: `${docId}-rule-${n}`,
      citation: { source: '', article: '' },
      effective: { from: pack?.manifest.effective ?? '2024-05-01' },
      documents: [docId],
      severity: 'error',
      paths: [],
      message: { zh: '', en: '' },
      cases: [],
    };
    onChange([...rules, fresh]);
    setSelected(rules.length);
  };
  return (
    <section class="rule-editor" aria-label={textIn({ zh: '规则', en: 'Rules' }, lang)}>
      <div class="rule-list">
        <ul>
          {rules.map((r, i) => (
            <li key={`${r.id}:${i}`}>
              <button type="button" class={`btn rule-item ${i === selected ? 'selected' : ''}`} aria-pressed={i === selected} onClick={() => setSelected(i)}>
                <code>{r.id}</code>
                <span>{r.message?.zh}</span>
                {problemCount(i) > 0 && <span class="tag bad">{textIn({ zh: `${problemCount(i)} 个问题`, en: `${problemCount(i)} problem(s)` }, lang)}</span>}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" class="btn primary" onClick={addRule}>
          {textIn({ zh: '添加规则', en: 'Add rule' }, lang)}
        </button>
      </div>
      {rule && (
        <div class="rule-form card" key={selected}>
          <div class="row">
            <label>
              {textIn({ zh: '规则编号', en: 'Rule id' }, lang)}
              <input
                name="rule-id"
                value={rule.id}
                onInput={(e) => {
                  const id = e.currentTarget.value;
                  // cases name the rule they expect to fire: they follow the rename
                  const cases = (rule.cases ?? []).map((c) => ({ ...c, expect: c.expect.map((x) => (x === rule.id ? id : x)) }));
                  update({ ...rule, id, cases });
                }}
              />
            </label>
            <label>
              {textIn({ zh: '级别', en: 'Severity' }, lang)}
              <select name="rule-severity" value={rule.severity} onChange={(e) => update({ ...rule, severity: e.currentTarget.value as Rule['severity'] })}>
                <option value="error">{textIn({ zh: '错误', en: 'error' }, lang)}</option>
                <option value="warning">{textIn({ zh: '提示', en: 'warning' }, lang)}</option>
              </select>
            </label>
            <label>
              {textIn({ zh: '生效日期', en: 'Effective from' }, lang)}
              <input name="rule-from" value={rule.effective?.from ?? ''} onInput={(e) => update({ ...rule, effective: { ...rule.effective, from: e.currentTarget.value } })} />
            </label>
          </div>
          {ruleProblems.length > 0 && (
            <ul class="problems inline" role="alert" data-testid="rule-problems">
              {ruleProblems.map((p, i) => (
                <li key={i}>{textIn(p, lang)}</li>
              ))}
            </ul>
          )}
          <label>
            {textIn({ zh: '依据条文（必选）', en: 'Article (required)' }, lang)}
            <CitationSelect
              lang={lang}
              name="rule-citation"
              sources={pack?.sources ?? {}}
              value={rule.citation?.source ? rule.citation : undefined}
              onChange={(c) => update({ ...rule, citation: c ?? { source: '', article: '' } })}
            />
          </label>
          {article && <blockquote class="article-text">{article.text}</blockquote>}
          <label>
            {textIn({ zh: '提示（中文，可用 {data.字段} 插入填写值）', en: 'Message in Chinese ({data.field} inserts a value)' }, lang)}
            <input name="rule-message-zh" value={rule.message?.zh ?? ''} onInput={(e) => update({ ...rule, message: { ...rule.message, zh: e.currentTarget.value } })} />
          </label>
          <label>
            {textIn({ zh: '提示（英文）', en: 'Message in English' }, lang)}
            <input name="rule-message-en" value={rule.message?.en ?? ''} onInput={(e) => update({ ...rule, message: { ...rule.message, en: e.currentTarget.value } })} />
          </label>
          <label>
            {textIn({ zh: '错误显示在（字段路径，逗号分隔，如 /staffCount）', en: 'Shown at (field pointers, comma-separated, e.g. /staffCount)' }, lang)}
            <input name="rule-paths" value={(rule.paths ?? []).join(', ')} onInput={(e) => update({ ...rule, paths: e.currentTarget.value.split(',').map((s) => s.trim()).filter(Boolean) })} />
          </label>
          <ConditionBuilder key={`when:${selected}`} name="when" lang={lang} label={textIn({ zh: '适用条件（可空：始终适用）', en: 'Applies when (empty: always)' }, lang)} logic={rule.when} fieldPaths={fieldPaths} onLogic={(l) => update({ ...rule, when: l })} />
          <ConditionBuilder key={`assert:${selected}`} name="assert" lang={lang} label={textIn({ zh: '须满足（不满足时显示提示）', en: 'Must hold (the message shows when it does not)' }, lang)} logic={rule.assert} fieldPaths={fieldPaths} onLogic={(l) => update({ ...rule, assert: l })} />
          <JsonArea key={`params:${selected}`} name="rule-params" label={textIn({ zh: '参数（JSON，{"$param": 名称} 引用共享参数）', en: 'Parameters (JSON; {"$param": name} reads a shared one)' }, lang)} value={rule.params} onValue={(v) => update({ ...rule, params: v as Rule['params'] })} rows={3} />
          <h4>{textIn({ zh: '测试用例', en: 'Cases' }, lang)}</h4>
          <ul class="cases">
            {(rule.cases ?? []).map((c, i) => (
              <CaseRow
                key={`${selected}:${i}`}
                lang={lang}
                pack={pack}
                rule={rule}
                c={c}
                index={i}
                problems={caseProblems(i)}
                onCase={(nc) => update({ ...rule, cases: (rule.cases ?? []).map((x, k) => (k === i ? nc : x)) })}
                onRemove={() => update({ ...rule, cases: (rule.cases ?? []).filter((_, k) => k !== i) })}
              />
            ))}
          </ul>
          <div class="row">
            <button type="button" class="btn" onClick={() => update({ ...rule, cases: [...(rule.cases ?? []), { name: textIn({ zh: `用例 ${(rule.cases ?? []).length + 1}`, en: `case ${(rule.cases ?? []).length + 1}` }, lang), data: {}, expect: [rule.id] }] })}>
              {textIn({ zh: '添加用例', en: 'Add case' }, lang)}
            </button>
            <button
              type="button"
              class="btn remove"
              onClick={() => {
                if (confirm(textIn({ zh: `删除规则 ${rule.id}？`, en: `Remove rule ${rule.id}?` }, lang))) {
                  onChange(rules.filter((_, i) => i !== selected));
                  setSelected(-1);
                }
              }}
            >
              {textIn({ zh: '删除规则', en: 'Remove rule' }, lang)}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
