/**
 * The corpus pages' scoring hook, loaded as a classic script before each page's app. A page calls
 * `corpusKit.expose(() => fields)` with a function that reads its app's LIVE model (flat: list rows
 * as `evaluators.0.name`), and `corpusKit.traps(root, labels)` to add the hostile-page traps next to
 * its real fields. `window.__portalModel()` then answers { fields, traps, touched } for exact scoring:
 * a trap counts as touched when its value changed or it received an input/change event.
 */
(function () {
  const traps = [];
  let read = () => ({});

  function watch(el, id) {
    const t = { id, el, initial: el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value, events: 0 };
    for (const ev of ['input', 'change']) el.addEventListener(ev, () => t.events++, true);
    traps.push(t);
  }

  /** Trap kinds: each hides a control the way hostile or careless pages do (see demo/corpus/README.md). */
  const KINDS = {
    'display-none': (w) => { w.style.display = 'none'; },
    'visibility-hidden': (w) => { w.style.visibility = 'hidden'; },
    'opacity': (w) => { w.style.opacity = '0.01'; },
    'clipped': (w) => { Object.assign(w.style, { position: 'absolute', clip: 'rect(0 0 0 0)', width: '1px', height: '1px', overflow: 'hidden' }); },
    'clip-path': (w) => { Object.assign(w.style, { position: 'absolute', clipPath: 'inset(50%)' }); },
    'overflow-parent': (w) => { Object.assign(w.style, { height: '0', overflow: 'hidden' }); },
    'covered': (w) => {
      w.style.position = 'relative';
      const cover = document.createElement('div');
      Object.assign(cover.style, { position: 'absolute', inset: '-4px', background: '#fff', zIndex: '5' });
      cover.className = 'corpus-cover';
      w.appendChild(cover);
    },
    'tiny': (w, input) => { Object.assign(input.style, { width: '2px', height: '2px', padding: '0', border: '0', minWidth: '0' }); w.querySelector('label').style.fontSize = '0'; },
    'far-right': (w) => { Object.assign(w.style, { position: 'absolute', left: '30000px', top: '0' }); },
    'far-left': (w) => { Object.assign(w.style, { position: 'absolute', left: '-10000px', top: '0' }); },
    'readonly': (w, input) => { input.readOnly = true; input.value = '（系统带出）'; },
    'disabled': (w, input) => { input.disabled = true; },
    'password': (w, input) => { input.type = 'password'; },
    // a honeypot: a real-looking name and label, zero size, out of the tab order
    'honeypot': (w, input) => { Object.assign(w.style, { position: 'absolute', width: '0', height: '0', overflow: 'hidden' }); input.tabIndex = -1; input.autocomplete = 'off'; },
    'type-hidden': (w, input) => { input.type = 'hidden'; },
  };

  /**
   * Adds one trap of every kind to `root`, each labelled with a real field's label from `labels`
   * (cycled), each with a name like a real field's (its stem and a number). Returns the container.
   */
  function addTraps(root, labels, names) {
    const box = document.createElement('div');
    box.className = 'corpus-traps';
    box.style.position = 'relative';
    const kinds = Object.keys(KINDS);
    kinds.forEach((kind, i) => {
      const w = document.createElement('div');
      w.className = 'corpus-trap-row';
      w.style.margin = '4px 0';
      const id = `trap-${kind}`;
      const label = document.createElement('label');
      label.textContent = labels[i % labels.length];
      label.htmlFor = id;
      label.style.marginRight = '8px';
      const input = document.createElement('input');
      input.id = id;
      // named like a real field (the same stem), never the very same name: a form posting both would clash
      input.name = names ? `${names[i % names.length]}_${i + 1}` : `f_${i}`;
      input.dataset.trap = kind;
      w.append(label, input);
      box.appendChild(w);
      KINDS[kind](w, input);
      watch(input, kind);
    });
    root.appendChild(box);
    return box;
  }

  /** Marks a control the page itself made a trap (e.g. a library's read-only or disabled input). */
  function markTrap(el, id) {
    el.dataset.trap = id;
    watch(el, id);
  }

  /** `{ a: { b: [ { c: 1 } ] } }` → `{ 'a.b.0.c': 1 }`; arrays of plain values stay arrays (a multi-value control). */
  function flat(o, pre, out) {
    out = out || {};
    for (const [k, v] of Object.entries(o)) {
      const key = pre ? `${pre}.${k}` : k;
      if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) v.forEach((x, i) => flat(x, `${key}.${i}`, out));
      else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) flat(v, key, out);
      else out[key] = v;
    }
    return out;
  }

  window.corpusKit = {
    flat,
    expose(fn) { read = fn; },
    traps: addTraps,
    markTrap,
  };

  window.__portalModel = () => {
    const now = (t) => (t.el.type === 'checkbox' || t.el.type === 'radio' ? t.el.checked : t.el.value);
    const fields = flat(JSON.parse(JSON.stringify(read())));
    return {
      fields,
      traps: traps.map((t) => t.id),
      touched: traps.filter((t) => t.events > 0 || now(t) !== t.initial).map((t) => t.id),
    };
  };
})();
