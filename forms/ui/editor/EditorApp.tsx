import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checkPack } from '../../core/editor/check-pack';
import type { SchemaAndUi } from '../../core/editor/schema-edit';
import { schemaFields } from '../../core/editor/schema-fields';
import { packHash } from '../../core/pack/pack-hash';
import { parsePack } from '../../core/pack/parse-pack';
import type { Pack, PackFiles } from '../../core/pack/types';
import type { Rule } from '../../core/rules/types';
import { compareVersions } from '../../core/editor/publish';
import type { SignedPackFile } from '../../core/signing/pack-file';
import { endPreview, isPreviewing, loadActivePack, startPreview, type ActivePack } from '../../../shared/active-pack';
import { currentLang, type Lang } from '../../../shared/i18n';
import { onExtChanged } from '../../../shared/storage/extension-store';
import { BUREAU_MODE_KEY, clearWorkingCopy, loadBureauMode, saveWorkingCopy, type WorkingCopy } from './editor-storage';
import { FieldEditor } from './FieldEditor';
import { InstallPanel } from './InstallPanel';
import { JsonEditor } from './JsonEditor';
import { ParametersEditor } from './ParametersEditor';
import { Preview } from './Preview';
import { ProblemList } from './ProblemList';
import { PublishPanel } from './PublishPanel';
import { ReferenceEditor } from './ReferenceEditor';
import { RuleEditor } from './RuleEditor';
import { LanguageToggle } from '../LanguageToggle';
import { textIn } from '../../core/i18n/text';

type Tab = 'fields' | 'rules' | 'params' | 'reference' | 'json' | 'publish' | 'install';
const TABS: { tab: Tab; zh: string; en: string; bureau: boolean }[] = [
  { tab: 'fields', zh: '字段', en: 'Fields', bureau: true },
  { tab: 'rules', zh: '规则', en: 'Rules', bureau: true },
  { tab: 'params', zh: '参数', en: 'Parameters', bureau: true },
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

/** the pack's English texts, keyed by the exact Chinese text (gettext style) */
const EN_TABLE = 'i18n/en.json';

/** the files as written (placeholders kept): what the editor edits */
const sourceOf = (p: Pack): PackFiles => p.sourceFiles ?? p.files;

const tabOf = (hash: string): Tab => (TABS.find((t) => `#/${t.tab}` === hash)?.tab ?? 'install');

export interface EditorAppProps {
  active: ActivePack;
  workingCopy?: WorkingCopy;
  /** the last version this browser published, when it is newer than the active pack (not installed here) */
  lastPublished?: SignedPackFile;
}

/** What the edits are compared with and numbered after: the newer of the active pack and the last publish. */
function startingBase(active: ActivePack, last: SignedPackFile | undefined): { pack: Pack; hash: string } {
  const v = (last?.files['pack.json'] as { version?: string } | undefined)?.version;
  if (last && v && compareVersions(v, active.pack.manifest.version) > 0) {
    try {
      return { pack: parsePack(last.files), hash: last.hash };
    } catch {
      // a damaged record: start from the active pack
    }
  }
  return { pack: active.pack, hash: active.hash };
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
  const start = useMemo(() => startingBase(props.active, props.lastPublished), []);
  const [files, setFiles] = useState<PackFiles>(props.workingCopy?.files ?? sourceOf(start.pack));
  const [renames, setRenames] = useState<WorkingCopy['renames']>(props.workingCopy?.renames ?? {});
  const [base, setBase] = useState<Pack>(start.pack);
  const [baseHash, setBaseHash] = useState(start.hash);
  useEffect(() => {
    if (base !== start.pack) void packHash(sourceOf(base)).then(setBaseHash);
  }, [base]);
  const [staleCopy, setStaleCopy] = useState(!!props.workingCopy && props.workingCopy.baseHash !== start.hash);
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
  // the bureau's own popup and workbench show the working copy while a preview is on (checked edits only)
  const [previewing, setPreviewing] = useState(isPreviewing());
  useEffect(() => {
    if (previewing && draft) void startPreview(checked);
  }, [previewing, draft]);

  // the working copy is saved as it changes, so closing the page loses nothing
  useEffect(() => {
    const id = setTimeout(() => void saveWorkingCopy({ files, renames, baseHash }), 400);
    return () => clearTimeout(id);
  }, [files, renames, baseHash]);

  const doc: SchemaAndUi = {
    schema: (files[`documents/${docId}/schema.json`] ?? {}) as SchemaAndUi['schema'],
    ui: (files[`documents/${docId}/ui.json`] ?? {}) as SchemaAndUi['ui'],
  };
  const english = (files[EN_TABLE] ?? {}) as Record<string, string>;
  const setDoc = (d: SchemaAndUi, en?: Record<string, string>) =>
    setFiles({
      ...files,
      [`documents/${docId}/schema.json`]: d.schema,
      [`documents/${docId}/ui.json`]: d.ui,
      ...(en && Object.keys(en).length ? { [EN_TABLE]: { ...english, ...en } } : {}),
    });
  // the document's own rules, or a shared rules file (rules/*.json); quick-check rules (checks/) run differently: JSON view
  const ruleFiles = [
    `documents/${docId}/rules.json`,
    ...Object.keys(files)
      .filter((p) => /^rules\/[^/]+\.json$/.test(p) && Array.isArray((files[p] as { rules?: unknown })?.rules))
      .sort(),
  ];
  const [ruleFileChoice, setRuleFile] = useState('');
  const [ruleFocus, setRuleFocus] = useState<{ rule: number; case?: number; nonce: number } | undefined>();
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

  /** A problem's place, opened where it can be fixed: a rule or case, a field's document, a file. */
  const goTo = (where: string) => {
    const [file, pointer = ''] = where.split('#');
    const doc = /^documents\/([^/]+)\//.exec(file)?.[1];
    if (doc && doc in base.documents) setDocId(doc);
    const rule = /^\/rules\/(\d+)(?:\/cases\/(\d+))?/.exec(pointer);
    if (rule && (/^documents\/[^/]+\/rules\.json$/.test(file) || /^rules\/[^/]+\.json$/.test(file))) {
      setRuleFile(file);
      setRuleFocus({ rule: Number(rule[1]), case: rule[2] === undefined ? undefined : Number(rule[2]), nonce: Date.now() });
      return go('rules');
    }
    if (/^documents\/[^/]+\/(schema|ui)\.json$/.test(file)) return go('fields');
    if (file === 'rules/parameters.json' || /^sources\//.test(file)) return go('params');
    if (file === 'reference/filing-catalog.json') return go('reference');
    if (file in files) {
      setJsonPath(file);
      go('json');
    }
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
              english={english}
              onChange={setDoc}
              onRename={(from, to) => {
                const mine = { ...(renames[docId] ?? {}) };
                // a field renamed twice keeps its first name as the source
                const original = Object.entries(mine).find(([, v]) => v === from)?.[0] ?? from;
                mine[original] = to;
                setRenames({ ...renames, [docId]: mine });
              }}
            />
            <h3>{textIn({ zh: '本文书的 JSON Schema（与上方同步）', en: 'This document\'s JSON Schema (in sync with the above)' }, lang)}</h3>
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
          {textIn({ zh: '规则文件', en: 'Rules file' }, lang)}{' '}
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
          file={ruleFile}
          problems={problems.filter((p) => p.where.startsWith(`${ruleFile}#`))}
          focus={ruleFocus}
          onChange={(rules) => setFiles({ ...files, [ruleFile]: { ...rulesFile, rules } })}
        />
        </>
      );
      break;
    case 'params':
      body = <ParametersEditor lang={lang} files={files} pack={parsed ?? lastGood.current} onFiles={setFiles} />;
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
            {textIn({ zh: '文件', en: 'File' }, lang)}{' '}
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
          {textIn({ zh: '文书包', en: 'Policy pack' }, lang)}
        </a>
        <nav>
          {/* the way back: the brand alone did not say it leads to the workbench */}
          <a class="back-to-workbench" href="/workbench.html#/">
            {textIn({ zh: '← 返回工作台', en: '← Back to the workbench' }, lang)}
          </a>
          {visibleTabs.map((t) => (
            <a key={t.tab} href={`#/${t.tab}`} aria-current={shownTab === t.tab ? 'page' : undefined}>
              {textIn(t, lang)}
            </a>
          ))}
        </nav>
        {bureau && shownTab !== 'install' && (
          <label class="doc-pick">
            {textIn({ zh: '文书', en: 'Document' }, lang)}{' '}
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
              {problems.length ? textIn({ zh: `${problems.length} 个问题`, en: `${problems.length} problem(s)` }, lang) : textIn({ zh: '检查通过', en: 'All checks pass' }, lang)}
            </span>
          )}
        </span>
        <LanguageToggle lang={lang} onChange={setLangState} />
      </header>
      <main class="page wide">
        {bureau && shownTab !== 'install' && (
          <>
            <ProblemList lang={lang} problems={problems} onGo={goTo} />
            {staleCopy && (
              <p class="banner warn" role="status">
                {textIn({ zh: '未发布的修改是在另一个文书包版本上做的；发布前请核对变更，或放弃修改从当前文书包重新开始。', en: 'The unpublished edits were made on another pack version: review the changes before publishing, or discard them and start from the current pack.' }, lang)}
              </p>
            )}
            <p class={previewing ? 'banner warn' : 'hint'} data-testid="preview-state">
              {previewing
                ? textIn({ zh: '预览中：本机的弹出窗口和工作台正在使用这些未发布的修改（其他机构看不到）。', en: "Previewing: this browser's popup and workbench use these unpublished edits (nobody else sees them)." }, lang)
                : textIn({ zh: '可在本机的弹出窗口和工作台中试用未发布的修改。', en: "Try the unpublished edits in this browser's popup and workbench." }, lang)}{' '}
              <button
                type="button"
                class="btn small"
                disabled={!previewing && problems.length > 0}
                title={problems.length ? textIn({ zh: '请先修正问题', en: 'Fix the problems first' }, lang) : undefined}
                onClick={async () => {
                  if (previewing) await endPreview();
                  else await startPreview(checked);
                  setPreviewing(!previewing);
                }}
              >
                {previewing ? textIn({ zh: '结束预览', en: 'End the preview' }, lang) : textIn({ zh: '在弹出窗口和工作台中预览', en: 'Preview in the popup and workbench' }, lang)}
              </button>{' '}
              <a class="btn small" href="/workbench.html" target="_blank" rel="noopener" hidden={!previewing}>
                {textIn({ zh: '打开工作台', en: 'Open the workbench' }, lang)}
              </a>
            </p>
            <p class="hint">
              {textIn({ zh: '编辑会自动保存为工作副本。', en: 'Edits are kept as a working copy.' }, lang)}{' '}
              <button
                type="button"
                class="btn small"
                onClick={async () => {
                  if (!confirm(textIn({ zh: '放弃所有未发布的修改？', en: 'Discard all unpublished edits?' }, lang))) return;
                  await clearWorkingCopy();
                  setFiles(sourceOf(base));
                  setRenames({});
                  setStaleCopy(false);
                }}
              >
                {textIn({ zh: '放弃修改', en: 'Discard edits' }, lang)}
              </button>
            </p>
          </>
        )}
        {!bureau && shownTab === 'install' && <p class="hint">{textIn({ zh: '在设置中开启“主管部门模式”即可编辑文书包。', en: 'Turn on bureau mode in the settings to edit the pack.' }, lang)}</p>}
        {body}
      </main>
    </div>
  );
}
