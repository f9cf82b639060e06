// A small government design-system's form components as custom elements, each drawing into its own
// open shadow root (labels and controls live there, not in the page's DOM).
import { DISTRICTS } from '/shared/districts.js';

const css = `
  :host { display: block; margin: 10px 0 }
  .item { display: flex; align-items: center } label.l { width: 170px; text-align: right; padding-right: 12px; color: #333 }
  input, select { padding: 5px 8px; border: 1px solid #c0c4cc; border-radius: 4px; min-width: 280px; font: inherit }
  .req::before { content: '*'; color: #e34d59; margin-right: 2px } small { color: #999; margin-left: 8px }
  button[role=switch] { width: 44px; height: 22px; border-radius: 11px; border: 0; background: #c0c4cc; position: relative }
  button[role=switch][aria-checked=true] { background: #0052d9 }
  button[role=switch]::after { content: ''; position: absolute; top: 3px; left: 3px; width: 16px; height: 16px; border-radius: 50%; background: #fff }
  button[role=switch][aria-checked=true]::after { left: 25px }`;

class GovField extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
  get name() { return this.getAttribute('name'); }
  frame(control) {
    const id = `c-${this.name}`;
    this.shadowRoot.innerHTML = `<style>${css}</style><div class="item"><label class="l ${this.hasAttribute('required') ? 'req' : ''}" for="${id}">${this.getAttribute('label')}</label>${control(id)}${this.getAttribute('hint') ? `<small>${this.getAttribute('hint')}</small>` : ''}</div>`;
  }
}

customElements.define('gov-input', class extends GovField {
  connectedCallback() { this.frame((id) => `<input id="${id}" type="${this.getAttribute('type') ?? 'text'}" placeholder="请输入">`); }
  get value() { return this.shadowRoot.querySelector('input').value; }
});

customElements.define('gov-select', class extends GovField {
  connectedCallback() { this.frame((id) => `<select id="${id}"><option value="">请选择</option>${DISTRICTS.map((d) => `<option>${d}</option>`).join('')}</select>`); }
  get value() { return this.shadowRoot.querySelector('select').value; }
});

customElements.define('gov-radio', class extends GovField {
  connectedCallback() {
    const opts = this.getAttribute('options').split(',');
    this.shadowRoot.innerHTML = `<style>${css}</style><div class="item" role="radiogroup" aria-labelledby="l"><span class="l" id="l" style="width:170px;text-align:right;padding-right:12px">${this.getAttribute('label')}</span>${opts
      .map((o, i) => `<label><input type="radio" name="r" value="${o}" id="r${i}" style="min-width:0">${o}</label>`)
      .join(' ')}</div>`;
  }
  get value() { return this.shadowRoot.querySelector('input:checked')?.value ?? ''; }
});

customElements.define('gov-switch', class extends GovField {
  connectedCallback() {
    this.frame((id) => `<button type="button" role="switch" id="${id}" aria-checked="false"></button>`);
    const b = this.shadowRoot.querySelector('button');
    b.addEventListener('click', () => b.setAttribute('aria-checked', String(b.getAttribute('aria-checked') !== 'true')));
  }
  get value() { return this.shadowRoot.querySelector('button').getAttribute('aria-checked') === 'true'; }
});

customElements.define('gov-upload', class extends GovField {
  connectedCallback() { this.frame((id) => `<input id="${id}" type="file" style="min-width:0">`); }
  get value() { return [...this.shadowRoot.querySelector('input').files].map((f) => f.name); }
});

customElements.define('gov-section', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>fieldset{border:1px solid #dcdfe6;border-radius:6px;margin:12px 0;background:#fff}legend{font-weight:bold;padding:0 6px}</style><fieldset><legend>${this.getAttribute('heading')}</legend><slot></slot></fieldset>`;
  }
});

customElements.define('gov-form', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>h2{font-size:20px}</style><h2>${this.getAttribute('heading')}</h2><slot></slot><div id="traps"></div>`;
  }
  connectedCallback() {
    // the traps live inside this component's shadow root too
    corpusKit.traps(this.shadowRoot.getElementById('traps'), ['单位名称', '电话', '法定代表人', '电子邮箱'], ['dwmc', 'dh', 'fddbr', 'yx']);
  }
});

await customElements.whenDefined('gov-form');
corpusKit.expose(() => {
  const out = {};
  for (const el of document.querySelectorAll('gov-form [name]')) {
    if (el.name === 'yyzz') out.uploads = el.value;
    else out[el.name] = el.value;
  }
  return out;
});
