import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checkPack } from '../../core/editor/check-pack';
import type { SchemaAndUi } from '../../core/editor/schema-edit';
import { schemaFields } from '../../core/editor/schema-fields';
import { packHash } from '../../core/pack/pack-hash';
import { parsePack } from '../../core/pack/parse-pack';
import type { Pack, PackFiles } from '../../core/pack/types';
import type { Rule } from '../../core/rules/types';
import { loadActivePack, type ActivePack } from '../../../shared/active-pack';
import { currentLang, type Lang } from '../../../shared/i18n';
import { onExtChanged } from '../../../shared/storage/extension-store';
import { BUREAU_MODE_KEY, clearWorkingCopy, loadBureauMode, saveWorkingCopy, type WorkingCopy } from './editor-storage';
import { FieldEditor } from './FieldEditor';
import { InstallPanel } from './InstallPanel';
import { JsonEditor } from './JsonEditor';
import { pick } from './lang';
import { Preview } from './Preview';
import { ProblemList } from './ProblemList';
import { PublishPanel } from './PublishPanel';
import { ReferenceEditor } from './ReferenceEditor';
import { RuleEditor } from './RuleEditor';
import { LanguageToggle } from '../LanguageToggle';

type Tab = 'fields' | 'rules' | 'reference' | 'json' | 'publish' | 'install';
const TABS: { tab: Tab; zh: string; en: string; bureau: boolean }[] = [
  { tab: 'fields', zh: '字段', en: 'Fields', bureau: true },
  { tab: 'rules', zh: '规则', en: 'Rules', bureau: true },
  { tab: 'reference', zh: '参考数据', en: 'Reference data', bureau: true },
  { tab: 'json', zh: 'JSON', en: 'JSON', bureau: true },
  { tab: 'publish', zh: '发布', en: 'Publish', bureau: true },
  { tab: 'install', zh: '安装与设置', en: 'Install & settings', bureau: false },
];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

const tabOf = (hash: string): Tab => (TABS.find((t) => `#/${t.tab}` === hash)?.tab ?? 'install');

export interface EditorAppProps {
  active: ActivePack;
  workingCopy?: WorkingCopy;
}

/**
 * editor.html: bureau staff edit the pack (fields, rules, reference data, JSON) with live checks and a
 * preview, then publish a signed version; every user installs signed packs and manages settings here.
 */
export function EditorApp(props: EditorAppProps) {
  const [active, setActive] = useState(props.active);
  const [lang, setLangState] = useState<Lang>(currentLang());
  const [tab, setTab] = useState<Tab>(tabOf(location.hash));
  const [bureau, setBureau] = useState(false);
  const [files, setFiles] = useState<PackFiles>(props.workingCopy?.files ?? active.pack.files);
  const [renames, setRenames] = useState<WorkingCopy['renames']>(props.workingCopy?.renames ?? {});
  const [base, setBase] = useState<Pack>(active.pack);
  const [baseHash, setBaseHash] = useState(active.hash);
  useEffect(() => {
    if (base !== active.pack) void packHash(base.files).then(setBaseHash);
  }, [base]);
  const [staleCopy, setStaleCopy] = useState(!!props.workingCopy && props.workingCopy.baseHash !== active.hash);
  const [docId, setDocId] = useState(active.pack.manifest.documents[0]);
  const [jsonPath, setJsonPath] = useState(`documents/${docId}/schema.json`);

  useEffect(() => {
    const onHash = () => setTab(tabOf(location.hash));
    addEventListener('hashchange', onHash);
    void loadBureauMode().then(setBureau);
    // settings live in the extension store (shared/storage/extension-store.ts), which announces changes
    const stop = onExtChanged((keys) => {
      if (keys.includes(BUREAU_MODE_KEY)) void loadBureauMode().then(setBureau);
    });
    return () => {
      removeEventListener('hashchange', onHash);
      stop();
    };
  }, []);

  // every edit is checked in full; the preview keeps the last pack that passed
  // checks run once typing pauses (they run every rule case); publishing re-checks the files it signs
  const checked = useDebounced(files, 250);
  const problems = useMemo(() => checkPack(checked), [checked]);
  const draft = useMemo(() => (problems.length ? null : parsePack(checked)), [checked, problems]);
  // rules and reference data are edited against the pack as it parses now, even while checks fail
  const parsed = useMemo(() => {
    try {
      return parsePack(files);
    } catch {
      return null;
    }
  }, [files]);
  const lastGood = useRef<Pack>(active.pack);
  if (draft) lastGood.current = draft;

  // the working copy is saved as it changes, so closing the page loses nothing
  useEffect(() => {
    const id = setTimeout(() => void saveWorkingCopy({ files, renames, baseHash }), 400);
    return () => clearTimeout(id);
  }, [files, renames, baseHash]);

  const doc: SchemaAndUi = {
    schema: (files[`documents/${docId}/schema.json`] ?? {}) as SchemaAndUi['schema'],
    ui: (files[`documents/${docId}/ui.json`] ?? {}) as SchemaAndUi['ui'],
  };
  const setDoc = (d: SchemaAndUi) => setFiles({ ...files, [`documents/${docId}/schema.json`]: d.schema, [`documents/${docId}/ui.json`]: d.ui });
  // the document's own rules, or a shared rules file (rules/*.json); quick-check rules (checks/) run differently: JSON view
  const ruleFiles = [
    `documents/${docId}/rules.json`,
    ...Object.keys(files)
      .filter((p) => /^rules\/[^/]+\.json$/.test(p) && Array.isArray((files[p] as { rules?: unknown })?.rules))
      .sort(),
  ];
  const [ruleFileChoice, setRuleFile] = useState('');
  const ruleFile = ruleFiles.includes(ruleFileChoice) ? ruleFileChoice : ruleFiles[0];
  const rulesFile = (files[ruleFile] ?? { rules: [] }) as { rules?: Rule[] };
  const fieldPaths = useMemo(
    () =>
      schemaFields(doc.schema, lastGood.current.definitions)
        .filter((f) => !f.pointer.includes('*'))
        .map((f) => ({ path: `data${f.pointer.replace(/\//g, '.')}`, title: f.title })),
    [doc.schema],
  );

  const visibleTabs = TABS.filter((t) => bureau || !t.bureau);
  const shownTab = visibleTabs.some((t) => t.tab === tab) ? tab : 'install';
  const go = (t: Tab) => {
    location.hash = `#/${t}`;
    setTab(t);
  };

  let body: preact.ComponentChildren;
  switch (shownTab) {
    case 'fields':
      body = (
        <div class="split">
          <div class="col">
            <FieldEditor
              lang={lang}
              doc={doc}
              onChange={setDoc}
              onRename={(from, to) => {
                const mine = { ...(renames[docId] ?? {}) };
                // a field renamed twice keeps its first name as the source
                const original = Object.entries(mine).find(([, v]) => v === from)?.[0] ?? from;
                mine[original] = to;
                setRenames({ ...renames, [docId]: mine });
              }}
            />
            <h3>{pick(lang, '本文书的 JSON Schema（与上方同步）', 'This document\'s JSON Schema (in sync with the above)')}</h3>
            <JsonEditor
              lang={lang}
              label="schema.json"
              value={doc.schema}
              onChange={(v) => setFiles((f) => ({ ...f, [`documents/${docId}/schema.json`]: v }))}
            />
          </div>
          <div class="col">
            <Preview pack={lastGood.current} docId={docId} lang={lang} />
          </div>
        </div>
      );
      break;
    case 'rules':
      body = (
        <>
        <label class="rule-file">
          {pick(lang, '规则文件', 'Rules file')}{' '}
          <select value={ruleFile} onChange={(e) => setRuleFile(e.currentTarget.value)}>
            {ruleFiles.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <RuleEditor
          key={`${docId}:${ruleFile}`}
          lang={lang}
          pack={parsed ?? lastGood.current}
          docId={docId}
          rules={rulesFile.rules ?? []}
          fieldPaths={fieldPaths}
          onChange={(rules) => setFiles({ ...files, [ruleFile]: { ...rulesFile, rules } })}
        />
        </>
      );
      break;
    case 'reference':
      body = (
        <ReferenceEditor
          lang={lang}
          files={files}
          pack={parsed ?? lastGood.current}
          onFiles={setFiles}
          onOpenJson={(p) => {
            setJsonPath(p);
            go('json');
          }}
        />
      );
      break;
    case 'json':
      body = (
        <div class="json-tab">
          <label>
            {pick(lang, '文件', 'File')}{' '}
            <select value={jsonPath} onChange={(e) => setJsonPath(e.currentTarget.value)}>
              {Object.keys(files)
                .sort()
                .map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
            </select>
          </label>
          <JsonEditor key={jsonPath} lang={lang} label={jsonPath} value={files[jsonPath]} onChange={(v) => setFiles((f) => ({ ...f, [jsonPath]: v }))} />
        </div>
      );
      break;
    case 'publish':
      body = (
        <PublishPanel
          lang={lang}
          base={base}
          draft={draft}
          files={files}
          renames={renames}
          onPublished={(published) => {
            setFiles(published);
            setBase(parsePack(published));
            setRenames({});
          }}
        />
      );
      break;
    default:
      body = <InstallPanel lang={lang} active={active} onInstalled={() => void loadActivePack().then(setActive)} />;
  }

  return (
    <div class="app editor">
      <header class="topbar">
        <a class="brand" href="/workbench.html">
          {pick(lang, '文书包', 'Policy pack')}
        </a>
        <nav>
          {visibleTabs.map((t) => (
            <a key={t.tab} href={`#/${t.tab}`} aria-current={shownTab === t.tab ? 'page' : undefined}>
              {pick(lang, t.zh, t.en)}
            </a>
          ))}
        </nav>
        {bureau && shownTab !== 'install' && (
          <label class="doc-pick">
            {pick(lang, '文书', 'Document')}{' '}
            <select
              value={docId}
              onChange={(e) => {
                setDocId(e.currentTarget.value);
                setJsonPath(`documents/${e.currentTarget.value}/schema.json`);
              }}
            >
              {base.manifest.documents.map((id) => (
                <option key={id} value={id}>
                  {String(base.documents[id]?.schema.title ?? id)}
                </option>
              ))}
            </select>
          </label>
        )}
        <span class="pack-info">
          {bureau && shownTab !== 'install' && (
            <span class={problems.length ? 'check bad' : 'check ok'} data-testid="check-status">
              {problems.length ? pick(lang, `${problems.length} 个问题`, `${problems.length} problem(s)`) : pick(lang, '检查通过', 'All checks pass')}
            </span>
          )}
        </span>
        <LanguageToggle lang={lang} onChange={setLangState} />
      </header>
      <main class="page wide">
        {bureau && shownTab !== 'install' && (
          <>
            <ProblemList lang={lang} problems={problems} />
            {staleCopy && (
              <p class="banner warn" role="status">
                {pick(lang, '未发布的修改是在另一个文书包版本上做的；发布前请核对变更，或放弃修改从当前文书包重新开始。', 'The unpublished edits were made on another pack version: review the changes before publishing, or discard them and start from the current pack.')}
              </p>
            )}
            <p class="hint">
              {pick(lang, '编辑会自动保存为工作副本。', 'Edits are kept as a working copy.')}{' '}
              <button
                type="button"
                class="btn small"
                onClick={async () => {
                  if (!confirm(pick(lang, '放弃所有未发布的修改？', 'Discard all unpublished edits?'))) return;
                  await clearWorkingCopy();
                  setFiles(base.files);
                  setRenames({});
                  setStaleCopy(false);
                }}
              >
                {pick(lang, '放弃修改', 'Discard edits')}
              </button>
            </p>
          </>
        )}
        {!bureau && shownTab === 'install' && <p class="hint">{pick(lang, '在设置中开启“主管部门模式”即可编辑文书包。', 'Turn on bureau mode in the settings to edit the pack.')}</p>}
        {body}
      </main>
    </div>
  );
}
