// The plain portal's "model": what the form would submit, shown live for the tests.
const DISTRICTS = [['310101', '黄浦区'], ['310104', '徐汇区'], ['310105', '长宁区'], ['310106', '静安区'], ['310107', '普陀区'], ['310109', '虹口区'], ['310110', '杨浦区'], ['310112', '闵行区'], ['310113', '宝山区'], ['310114', '嘉定区'], ['310115', '浦东新区'], ['310116', '金山区'], ['310117', '松江区'], ['310118', '青浦区'], ['310120', '奉贤区'], ['310151', '崇明区']];
const form = document.getElementById('f');
const sel = form.elements.t4;
for (const [code, name] of DISTRICTS) sel.add(new Option(name, code));
document.getElementById('cross-frame').src = `${window.DEMO_FRAME_ORIGIN ?? ''}/frame/index.html`;

function model() {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; else if (!(el.name in out)) out[el.name] = ''; continue; }
    if (el.type === 'checkbox') {
      const all = form.querySelectorAll(`input[name="${el.name}"]`);
      out[el.name] = all.length > 1 ? [...all].filter((x) => x.checked).map((x) => x.value) : el.checked;
      continue;
    }
    if (/^occ_/.test(el.name)) continue;
    out[el.name] = el.value;
  }
  out.occupations = [...document.querySelectorAll('#occ tbody tr')].map((tr) => ({
    code: tr.querySelector('[name=occ_code]').value, name: tr.querySelector('[name=occ_name]').value, levels: tr.querySelector('[name=occ_levels]').value,
  }));
  try { out.email = document.getElementById('same-frame').contentDocument.getElementById('email').value; } catch { out.email = null; }
  document.getElementById('model').textContent = JSON.stringify(out, null, 2);
}
document.getElementById('add-occupation').addEventListener('click', () => {
  const tr = document.createElement('tr');
  tr.innerHTML = '<td><input name="occ_code" size="12"></td><td><input name="occ_name" size="12"></td><td><input name="occ_levels" size="30"></td><td><button type="button" class="remove-row">删除</button></td>';
  tr.querySelector('.remove-row').addEventListener('click', () => { tr.remove(); model(); });
  document.querySelector('#occ tbody').append(tr);
  model();
});
form.addEventListener('input', model);
form.addEventListener('change', model);
window.addEventListener('message', (e) => { if (e.origin === location.origin) model(); });
document.getElementById('same-frame').addEventListener('load', model);
model();
