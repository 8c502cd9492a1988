// The demo page: a form built from fields(), live messages, the body and a curl line.
// Plain ES modules: the package's default entry initialises itself on import (no init call).
import { fields, validate, validateField } from '/pkg/index.js';
import { constraintHint, controlFor, curlLine, groupFields, parseCurrent } from './demo-lib.js';

const $ = (sel, root = document) => root.querySelector(sel);

/** Creates an element: h('p', { class: 'x', hidden: true }, 'text', child…). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined || v === null) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

// The vendor's sample answer of /extension/query, one item (note `moblie` and the MD5 password).
const SAMPLE_CURRENT = {
  extnumber: '1000', username: 'Jayson', status: 'Registered', type: 'SIP', callerid: '1000',
  registername: '1000', registerpassword: 'xMn5W4Gs', maxregistrations: '1',
  loginpassword: '5e12ba8dd1083a7f946e457cf3c18779', email: '', moblie: '', language: 'System Default',
  hasvoicemail: 'on', enablevmtoemail: 'off', vmsecret: '1000', alwaysforward: 'off', noanswerforward: 'on',
  ntransferto: 'Voicemail', ntransferprefix: '', busyforward: 'on', btransferto: 'Voicemail',
  btransferprefix: '', ringsimultaneous: 'off', mobileprefix: '', enablemobile: 'off',
  allowbeingmonitored: 'off', monitormode: 'Disabled', ringtimeout: '30', maxduration: 'Follow System',
  dnd: 'off', callrestriction: 'off', agentid: '',
};

const metas = fields();
const byName = new Map(metas.map((m) => [m.name, m]));
const rows = new Map(); // name → { control, include, error, row, helpId, errorId }
const touched = new Set();
const fieldErrors = new Map(); // name → FieldError[] from validateField (the field being edited)
let current; // options.current, or undefined

const ALWAYS = 'extid'; // always in the update

// ---------------------------------------------------------------------------------------------
// Building the form

function buildControl(m, ids) {
  const common = {
    id: ids.controlId,
    name: m.name,
    'aria-describedby': ids.helpId,
    'aria-required': m.required ? 'true' : undefined,
  };
  const kind = controlFor(m);
  if (kind === 'select') {
    const select = h('select', common, h('option', { value: '' }, 'not set'));
    for (const v of m.allowed) select.append(h('option', { value: v }, v));
    return select;
  }
  const numeric = ['extension_number', 'digits', 'secret_digits', 'integer'].includes(m.kind);
  return h('input', {
    ...common,
    type: kind === 'password' ? 'password' : 'text',
    inputmode: numeric ? 'numeric' : m.kind === 'email' ? 'email' : undefined,
    autocomplete: kind === 'password' ? 'new-password' : 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
  });
}

function buildRow(m) {
  const ids = { controlId: `f-${m.name}`, helpId: `help-${m.name}`, errorId: `err-${m.name}` };
  const control = buildControl(m, ids);
  const always = m.name === ALWAYS;
  const include = h('input', {
    type: 'checkbox',
    class: 'include-box',
    'data-include-for': m.name,
    'aria-label': `Include ${m.label} in the update`,
    checked: always,
    disabled: always,
  });
  const label = h(
    'label',
    { for: ids.controlId, class: 'label' },
    m.label,
    m.required ? h('span', { class: 'badge' }, 'required') : null,
  );
  const head = h(
    'div',
    { class: 'field-head' },
    h('span', { class: 'field-title' }, label, ' ', h('code', { class: 'wire', title: 'Name in the request body' }, m.name)),
    h('label', { class: 'include', title: always ? 'Always sent' : 'Put this field in the update' }, include, always ? 'always' : 'include'),
  );
  let controlBox = control;
  if (m.secret) {
    const toggle = h('button', { type: 'button', class: 'reveal small secondary', 'aria-pressed': 'false', 'aria-controls': ids.controlId, 'aria-label': `Show ${m.label}` }, 'show');
    toggle.addEventListener('click', () => {
      const shown = control.type === 'text';
      control.type = shown ? 'password' : 'text';
      toggle.textContent = shown ? 'show' : 'hide';
      toggle.setAttribute('aria-pressed', String(!shown));
      toggle.setAttribute('aria-label', `${shown ? 'Show' : 'Hide'} ${m.label}`);
    });
    controlBox = h('div', { class: 'with-button' }, control, toggle);
  }
  const error = h('p', { class: 'error', id: ids.errorId, 'data-error-for': m.name, hidden: true });
  const help = h(
    'p',
    { class: 'help', id: ids.helpId },
    m.description ? h('span', { class: 'desc' }, m.description) : null,
    h('span', { class: 'hint' }, constraintHint(m)),
  );
  const row = h('div', { class: `field${always ? '' : ' excluded'}`, 'data-field': m.name }, head, controlBox, error, help);
  rows.set(m.name, { control, include, error, row, ...ids });

  const edited = () => {
    touched.add(m.name);
    if (!always) include.checked = !(controlFor(m) === 'select' && control.value === '');
    refreshField(m.name);
    render();
  };
  control.addEventListener('input', edited);
  control.addEventListener('change', edited);
  include.addEventListener('change', () => {
    touched.add(m.name);
    refreshField(m.name);
    render();
  });
  return row;
}

function buildForm() {
  const form = $('#form');
  form.replaceChildren();
  for (const g of groupFields(metas)) {
    const grid = h('div', { class: 'grid' }, ...g.fields.map(buildRow));
    form.append(h('fieldset', { class: 'group', 'data-group': g.id }, h('legend', {}, g.label), grid));
  }
  form.addEventListener('submit', (e) => e.preventDefault());
}

// ---------------------------------------------------------------------------------------------
// State → input → messages

const included = (name) => rows.get(name).include.checked;
const valueOf = (name) => rows.get(name).control.value;
const options = () => (current ? { current } : {});

/** The input object: only the included fields, as typed (the package trims what it should). */
function currentInput() {
  const input = {};
  for (const m of metas) if (included(m.name)) input[m.name] = valueOf(m.name);
  return input;
}

/** Re-runs the single-field checks of one field (the one being edited). */
function refreshField(name) {
  fieldErrors.set(name, included(name) ? validateField(name, valueOf(name), options()) : []);
}

function showMessage(name, err) {
  const { control, error, row, helpId, errorId } = rows.get(name);
  if (err) {
    error.textContent = err.message;
    error.dataset.code = err.code;
    error.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', `${errorId} ${helpId}`);
  } else {
    error.textContent = '';
    delete error.dataset.code;
    error.hidden = true;
    control.removeAttribute('aria-invalid');
    control.setAttribute('aria-describedby', helpId);
  }
  row.classList.toggle('invalid', Boolean(err));
  row.classList.toggle('excluded', !included(name));
}

function render() {
  const result = validate(currentInput(), options());
  const wholeErrors = result.ok ? [] : result.errors;

  for (const m of metas) {
    const own = included(m.name) ? fieldErrors.get(m.name) ?? [] : [];
    const fromWhole = wholeErrors.filter((e) => e.field === m.name);
    // The field's own check first; then what the whole input says about it. A cross-field
    // message (required_if) shows even on an untouched field: another field caused it.
    let err = own[0];
    if (!err) err = fromWhole.find((e) => e.code === 'required_if' || touched.has(m.name));
    showMessage(m.name, err);
  }
  renderResult(result);
}

/** Sets the text of a <pre>, with line-break opportunities after commas (copying is unchanged). */
function setCode(el, text) {
  const parts = text.split(/(?<=,)/);
  el.replaceChildren(...parts.flatMap((p, i) => (i ? [document.createElement('wbr'), p] : [p])));
}

function renderResult(result) {
  const panel = $('#result');
  const status = $('#status');
  const bodyEl = $('#body');
  const summary = $('#summary');
  const curlEl = $('#curl');
  panel.dataset.state = result.ok ? 'valid' : 'invalid';
  $('#copy-body').disabled = !result.ok;
  $('#copy-curl').disabled = !result.ok;
  if (result.ok) {
    const n = Object.keys(result.value).length;
    const bytes = new TextEncoder().encode(result.body).length;
    status.textContent = `Valid: ${n} field${n === 1 ? '' : 's'}, ${bytes} bytes.`;
    setCode(bodyEl, result.body);
    bodyEl.hidden = false;
    summary.hidden = true;
    summary.replaceChildren();
    setCode(curlEl, curlLine(result.body));
    curlEl.classList.remove('placeholder');
    return;
  }
  const n = result.errors.length;
  status.textContent = `${n} problem${n === 1 ? '' : 's'} to fix before the body can be built:`;
  bodyEl.hidden = true;
  bodyEl.textContent = '';
  summary.replaceChildren(
    ...result.errors.map((e) => {
      const meta = byName.get(e.field);
      const text = h('span', {}, e.message);
      const where = meta
        ? h('a', { href: `#f-${e.field}`, 'data-focus': e.field }, meta.label)
        : h('strong', {}, e.field || 'Input');
      return h('li', { 'data-code': e.code, 'data-field': e.field }, where, ': ', text);
    }),
  );
  summary.hidden = false;
  curlEl.textContent = 'Fix the problems above to get the curl line.';
  curlEl.classList.add('placeholder');
}

// ---------------------------------------------------------------------------------------------
// Current extension, copy buttons

function applyCurrent() {
  const box = $('#current');
  const err = $('#current-error');
  const parsed = parseCurrent(box.value);
  current = parsed.error ? undefined : parsed.current;
  err.hidden = !parsed.error;
  err.textContent = parsed.error ?? '';
  if (parsed.error) box.setAttribute('aria-invalid', 'true');
  else box.removeAttribute('aria-invalid');
  for (const name of rows.keys()) if (fieldErrors.has(name)) refreshField(name);
  render();
}

async function copy(text, what, note) {
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = 'Copied';
  } catch {
    note.textContent = `Could not copy: select the ${what} and press Ctrl+C`;
  }
  clearTimeout(note.timer);
  note.timer = setTimeout(() => (note.textContent = ''), 2500);
}

function wire() {
  $('#current').addEventListener('input', applyCurrent);
  $('#current-sample').addEventListener('click', () => {
    $('#current').value = JSON.stringify(SAMPLE_CURRENT, null, 1);
    applyCurrent();
  });
  $('#current-clear').addEventListener('click', () => {
    $('#current').value = '';
    applyCurrent();
  });
  $('#copy-body').addEventListener('click', () => copy($('#body').textContent, 'body', $('#copy-note-body')));
  $('#copy-curl').addEventListener('click', () => copy($('#curl').textContent, 'curl line', $('#copy-note-curl')));
  $('#summary').addEventListener('click', (e) => {
    const a = e.target.closest('a[data-focus]');
    if (!a) return;
    e.preventDefault();
    const { control } = rows.get(a.dataset.focus);
    control.focus();
    control.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}

buildForm();
wire();
render();
document.documentElement.dataset.ready = 'true';
