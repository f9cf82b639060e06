// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { PrintView } from '../../forms/ui/print/PrintView';
import { chineseNumber, printModel, type PrintNode } from '../../forms/ui/print/print-model';

const pack = parsePack(readPackDir('schemas'));
const sample = (docId: string, name: string) => structuredClone(pack.documents[docId].samples[name]) as Record<string, unknown>;

/** Every text the model would print, flattened. */
function texts(nodes: PrintNode[]): string[] {
  return nodes.flatMap((n) => {
    if (n.kind === 'field') return [n.label, n.text ?? ''];
    if (n.kind === 'group') return [n.label, ...texts(n.children)];
    if (n.kind === 'table') return [n.label, ...n.columns, ...n.rows.flat().map((c) => c ?? '')];
    if (n.kind === 'statement') return [n.label];
    return [n.label, ...n.items.flatMap((i) => texts(i.children))];
  });
}
const fieldText = (nodes: PrintNode[], label: string): string | null | undefined => {
  for (const n of nodes) {
    if (n.kind === 'field' && n.label === label) return n.text;
    if (n.kind === 'group') {
      const t = fieldText(n.children, label);
      if (t !== undefined) return t;
    }
  }
  return undefined;
};

describe('print model', () => {
  it('numbers sections the Chinese way', () => {
    expect([1, 2, 9, 10, 11, 14, 20, 23].map(chineseNumber)).toEqual(['一', '二', '九', '十', '十一', '十四', '二十', '二十三']);
  });

  it('prints codes as their labels, occupations with names, districts by name and booleans as 是/否', () => {
    const m = printModel(pack, 'filing-enterprise', sample('filing-enterprise', 'valid-central-soe.json'));
    const all = m.sections.flatMap((s) => texts(s.nodes));
    expect(all).toContain('市属国企');
    expect(all).not.toContain('municipal-soe');
    expect(all).toContain('6-31-01-03 电工');
    expect(all).toContain('杨浦区');
    expect(all.join('|')).toContain('机构备案、评价报名、资格审核、过程监管');
    expect(m.title).toBe('企业职业技能等级评价机构备案申请');
    expect(m.sections.map((s) => s.number).slice(0, 4)).toEqual(['', '一', '二', '三']);
    expect(m.numbers.find((n) => n.label === '依据')?.text).toContain('沪人社职〔2024〕120号 三（一）1');
    expect(m.signer).toBe('张建国');
    expect(m.signDate).toBe('2025年3月10日');
    // the signature block is the foot of the paper, not fields above the seal box
    expect(all.join('|')).not.toMatch(/已加盖单位公章|签字人/);
    expect(all.join('|')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('numbers the blocks from 一 as the form does, 十、十一 past nine, with the single values unnumbered', () => {
    const m = printModel(pack, 'filing-enterprise', sample('filing-enterprise', 'valid-central-soe.json'));
    expect(m.sections[0]).toMatchObject({ number: '', title: '基本信息' });
    expect(m.sections[1].number).toBe('一');
    const numbers = m.sections.map((s) => s.number).filter(Boolean);
    expect(numbers).toEqual(numbers.map((_, i) => chineseNumber(i + 1)));
    expect(numbers.join('')).not.toContain('〇');
  });

  it('prints a file by name and size, never its hash', () => {
    const data = sample('filing-enterprise', 'valid-central-soe.json');
    data.attachments = [{ description: '营业执照', file: { blobId: 'b1', name: '营业执照.pdf', type: 'application/pdf', size: 38912, sha256: 'a'.repeat(64) } }];
    const all = printModel(pack, 'filing-enterprise', data).sections.flatMap((s) => texts(s.nodes)).join('|');
    expect(all).toContain('营业执照.pdf（38 KB）');
    expect(all).not.toContain('aaaa');
    expect(all).not.toContain('SHA');
  });

  it('leaves a blank line for an optional field left empty', () => {
    const data = sample('filing-enterprise', 'valid-central-soe.json');
    delete (data.institution as Record<string, unknown>).industryAuthority;
    const m = printModel(pack, 'filing-enterprise', data);
    const inst = m.sections.find((s) => s.title === '机构基本信息')!;
    expect(fieldText(inst.nodes, '行业主管部门（或上级主管部门）')).toBeNull();
    // a document without a decision number keeps its number line blank too
    expect(m.numbers.find((n) => n.label === '文书编号')?.text).toBeNull();
  });

  it('does not print the values of a hidden branch', () => {
    const data: Record<string, unknown> = { ...sample('filing-enterprise', 'valid-central-soe.json') };
    delete data.ownership;
    const m = printModel(pack, 'filing-enterprise', data);
    expect(m.sections.map((s) => s.title).join('|')).not.toContain('同意意见');
    expect(m.sections.flatMap((s) => texts(s.nodes))).not.toContain('沪经信〔2025〕12号');
  });

  it('shows tier-dependent measures by their Chinese names', () => {
    const m = printModel(pack, 'violation-institution', sample('violation-institution', 'valid-serious.json'));
    const all = m.sections.flatMap((s) => texts(s.nodes));
    expect(all).toContain('警告、限期整改');
    expect(all).toContain('严重违纪违规情形');
    expect(m.numbers.find((n) => n.label === '文书编号')?.text).toBe('WJ-2025-009');
  });
});

describe('PrintView', () => {
  it('renders the title, numbered sections, every filled value and the seal box', () => {
    const data = sample('renewal', 'valid-with-changes.json');
    const { container } = render(<PrintView pack={pack} docId="renewal" data={data} />);
    const text = container.textContent ?? '';
    expect(container.querySelector('h1')?.textContent).toBe('评价机构续期备案申请');
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent?.slice(0, 2))).toEqual(
      expect.arrayContaining(['一、', '二、', '三、']),
    );
    for (const v of ['SH-QY-2023-0156', '2026年4月19日', '杨浦实训基地、闵行分基地', '备案期内按备案职业和等级开展评价', '考核点', '1860', '（单位盖章）', '张建国'])
      expect(text).toContain(v);
    expect(text).not.toContain('"sites"');
    // the name is printed beside a blank signature line, never in it
    const lines = [...container.querySelectorAll('.pv-sign-line')];
    expect(lines[0].textContent).toContain('张建国');
    expect(lines[1].querySelector('.blank')).not.toBeNull();
    expect(lines[1].textContent).not.toContain('张建国');
    // the last section and the signature block are one unit for page breaks
    expect(container.querySelector('.pv-closing .pv-section + .pv-sign')).not.toBeNull();
    expect(container.querySelector('.pv-watermark')).toBeNull();
  });

  it('marks a paper with open problems as a draft and never ticks an unticked declaration', () => {
    const data = sample('filing-enterprise', 'valid-central-soe.json');
    (data.declaration as Record<string, unknown>).commitment = false;
    const { container } = render(<PrintView pack={pack} docId="filing-enterprise" data={data} draft={{ errors: 2 }} />);
    expect(container.querySelector('.pv-watermark')?.getAttribute('data-mark')).toBe('草稿');
    expect(container.querySelector('.pv-draft-note')?.textContent).toContain('尚有 2 处问题');
    expect([...container.querySelectorAll('.pv-statement')].find((e) => e.textContent?.includes('承诺'))?.textContent).toMatch(/^☐/);
    // no plain span carries an aria-label (axe: aria-prohibited-attr)
    expect(container.querySelectorAll('span[aria-label]').length).toBe(0);
  });

  it('draws blank lines for empty fields', () => {
    const data = sample('termination-voluntary', 'valid-restructuring.json');
    delete (data.contact as Record<string, unknown>).email;
    const { container } = render(<PrintView pack={pack} docId="termination-voluntary" data={data} />);
    expect(container.querySelectorAll('.blank').length).toBeGreaterThan(0);
  });
});

describe('PrintView on every sample', () => {
  it('prints every sample of every document, invalid ones included, without failing', () => {
    for (const docId of pack.manifest.documents) {
      for (const [name, data] of Object.entries(pack.documents[docId].samples)) {
        if (name.endsWith('.expected.json')) continue;
        const { container, unmount } = render(<PrintView pack={pack} docId={docId} data={data} />);
        expect(container.querySelector('h1')?.textContent, `${docId}/${name}`).toBe(String(pack.documents[docId].schema.title));
        expect(container.querySelectorAll('h2').length, `${docId}/${name}`).toBeGreaterThan(1);
        unmount();
      }
    }
  });

  it('prints values of the wrong shape as text instead of dropping them', () => {
    const data = { ...sample('renewal', 'valid-with-changes.json'), requestedYears: '三年', hasChanges: 'yes' };
    const { container } = render(<PrintView pack={pack} docId="renewal" data={data} />);
    expect(container.textContent).toContain('三年');
  });
});
