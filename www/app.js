// The demo page: a form built from fields(), live messages, the body and a curl line; a "before"
// state loaded from a /extension/query answer (fromQuery) and the minimal update to it (diff);
// warnings apart from errors; English or Chinese (labels and messages come from the package).
// Plain ES modules: the package's default entry initialises itself on import (no init call).
import { diff, explainErrno, fields, fromQuery, validate, validateField } from '/pkg/index.js';
import { constraintHint, controlFor, curlLine, groupFields, parseCurrent, parseQuery } from './demo-lib.js';

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
const SAMPLE_ANSWER = { status: 'Success', extinfos: [SAMPLE_CURRENT] };

// ---------------------------------------------------------------------------------------------
// Texts of the page itself (the package words labels and messages in the chosen locale)

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

const TEXT = {
  en: {
    title: 'Yeastar extension update – request builder',
    h1: 'Extension update request builder',
    lede:
      'Builds and checks the body of <code>POST /api/v1.0.0/extension/update</code> (Yeastar S-Series API v1) ' +
      'with the <code>yeastar-extension-update</code> package, in your browser. Nothing is sent anywhere. ' +
      'Tick <em>include</em> to put a field in the update (editing a field ticks it); untouched fields are left as they are on the PBX.',
    'lang.label': 'Language',
    formCol: 'Fields of the update',
    outCol: 'Result',
    'query.title': 'Load from query response',
    'query.help':
      'Paste the answer of <code>/extension/query</code> (the whole answer, one item of <code>extinfos</code>, or an array of them) ' +
      'and press <em>Load</em>. The form is filled with it and kept as the “before” state: the update then holds only what you change.',
    'query.textLabel': 'Query response (JSON)',
    'query.pick': 'Extension',
    'query.load': 'Load',
    'query.sample': "Use the vendor's sample",
    'query.forget': 'Forget the loaded state',
    'query.loaded': (ext, n) => `Loaded extension ${ext}: ${plural(n, 'field', 'fields')} filled. What you change shows under “Changes since loaded”.`,
    'query.forgotten': 'The loaded state is forgotten: the body holds every included field again.',
    'query.err.empty': 'Paste a query response first.',
    'query.err.not_json': 'This is not valid JSON.',
    'query.err.failed': (errno, message) => (errno ? `The PBX answered Failed (errno ${errno}): ${message}` : 'The PBX answered Failed, without an errno.'),
    'query.err.no_extinfos': 'No extension in it: expected the query answer with a non-empty "extinfos", one extinfo object, or an array of them.',
    'query.err.not_object': 'Every item of "extinfos" must be a JSON object.',
    'query.err.no_extnumber': 'An item has no "extnumber": it cannot tell which extension it is.',
    'query.err.unreadable': 'This item could not be read as an extinfo.',
    'current.summary': 'Current extension',
    'current.optional': '(optional, for the cross-field rules)',
    'current.help':
      'Paste the extension as it is now: one item of <code>extinfos</code> from <code>/extension/query</code>, or the whole answer. ' +
      'Rules such as “mobile number is required when mobility is on” then take it into account. Loading a query response puts it here.',
    'current.sample': "Use the vendor's sample",
    'current.clear': 'Clear',
    'current.err.not_json': 'This is not valid JSON.',
    'current.err.not_object': 'Expected a JSON object (one item of extinfos).',
    notSet: 'not set',
    required: 'required',
    include: 'include',
    always: 'always',
    alwaysTitle: 'Always sent',
    includeTitle: 'Put this field in the update',
    wireTitle: 'Name in the request body',
    includeAria: (label) => `Include ${label} in the update`,
    show: 'show',
    hide: 'hide',
    showAria: (label) => `Show ${label}`,
    hideAria: (label) => `Hide ${label}`,
    'result.title': 'Request body',
    'result.titleFull': 'Full body (every included field)',
    bodyAria: 'JSON body',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: (what) => `Could not copy: select the ${what} and press Ctrl+C`,
    'what.body': 'body',
    'what.diff': 'body',
    'what.curl': 'curl line',
    loading: 'Loading…',
    valid: (n, bytes) => `Valid: ${plural(n, 'field', 'fields')}, ${bytes} bytes.`,
    invalid: (n) => `${plural(n, 'problem', 'problems')} to fix before the body can be built:`,
    input: 'Input',
    colon: ': ',
    'diff.title': 'Changes since loaded',
    'diff.bodyAria': 'JSON body of the changes',
    'diff.changed': (n) => `${plural(n, 'field', 'fields')} changed:`,
    'diff.none': 'No changes: the body would hold extid only.',
    'diff.otherExt': (ext) => `The extension number is not the loaded one (${ext}): the update renumbers extension ${ext} (sent as extnumber).`,
    'warnings.title': 'Warnings',
    'warnings.count': (n) => `${plural(n, 'warning', 'warnings')} (they do not block the body):`,
    curlAria: 'curl command',
    'curl.help':
      'Replace <code>HOST</code> with the PBX address and <code>TOKEN</code> with the token from <code>/api/v1.0.0/login</code>. ' +
      'The PBX answers <code>{"status":"Success"}</code> or <code>{"status":"Failed","errno":"…"}</code>.',
    'curl.placeholder': 'Fix the problems above to get the curl line.',
    'curl.fromDiff': 'Sends the changes only (the body under “Changes since loaded”).',
  },
  'zh-CN': {
    title: 'Yeastar 分机更新 – 请求生成器',
    h1: '分机更新请求生成器',
    lede:
      '使用 <code>yeastar-extension-update</code> 包在浏览器中生成并检查 <code>POST /api/v1.0.0/extension/update</code>' +
      '（Yeastar S 系列 API v1）的请求体，不会发送任何内容。勾选<em>包含</em>即把字段放入更新（编辑字段时会自动勾选）；未动过的字段在 PBX 上保持原样。',
    'lang.label': '语言',
    formCol: '更新的字段',
    outCol: '结果',
    'query.title': '从查询结果载入',
    'query.help':
      '粘贴 <code>/extension/query</code> 的返回（完整返回、<code>extinfos</code> 中的一项，或它们的数组），然后按<em>载入</em>。' +
      '表单会按它填写，并保存为“之前”的状态：更新只包含您改动的内容。',
    'query.textLabel': '查询结果（JSON）',
    'query.pick': '分机',
    'query.load': '载入',
    'query.sample': '使用厂商示例',
    'query.forget': '忘记已载入的状态',
    'query.loaded': (ext, n) => `已载入分机 ${ext}：填写了 ${n} 个字段。您的改动显示在“相对载入状态的更改”中。`,
    'query.forgotten': '已忘记载入的状态：请求体重新包含所有已勾选的字段。',
    'query.err.empty': '请先粘贴查询结果。',
    'query.err.not_json': '这不是有效的 JSON。',
    'query.err.failed': (errno, message) => (errno ? `PBX 返回失败（errno ${errno}）：${message}` : 'PBX 返回失败，且没有 errno。'),
    'query.err.no_extinfos': '其中没有分机：应为 "extinfos" 非空的查询返回、一个 extinfo 对象，或它们的数组。',
    'query.err.not_object': '"extinfos" 的每一项都必须是 JSON 对象。',
    'query.err.no_extnumber': '有一项没有 "extnumber"：无法确定是哪个分机。',
    'query.err.unreadable': '无法把这一项读作 extinfo。',
    'current.summary': '当前分机',
    'current.optional': '（可选，用于跨字段规则）',
    'current.help':
      '粘贴分机当前的配置：<code>/extension/query</code> 返回的 <code>extinfos</code> 中的一项，或完整返回。' +
      '“开启移动分机时必须填写手机号码”等规则会据此判断。载入查询结果时也会填入此处。',
    'current.sample': '使用厂商示例',
    'current.clear': '清除',
    'current.err.not_json': '这不是有效的 JSON。',
    'current.err.not_object': '应为一个 JSON 对象（extinfos 中的一项）。',
    notSet: '未设置',
    required: '必填',
    include: '包含',
    always: '始终',
    alwaysTitle: '始终发送',
    includeTitle: '把此字段放入更新',
    wireTitle: '请求体中的名称',
    includeAria: (label) => `在更新中包含${label}`,
    show: '显示',
    hide: '隐藏',
    showAria: (label) => `显示${label}`,
    hideAria: (label) => `隐藏${label}`,
    'result.title': '请求体',
    'result.titleFull': '完整请求体（所有已勾选的字段）',
    bodyAria: 'JSON 请求体',
    copy: '复制',
    copied: '已复制',
    copyFailed: (what) => `无法复制：请选中${what}后按 Ctrl+C`,
    'what.body': '请求体',
    'what.diff': '请求体',
    'what.curl': 'curl 命令',
    loading: '加载中…',
    valid: (n, bytes) => `有效：${n} 个字段，${bytes} 字节。`,
    invalid: (n) => `生成请求体前需要修正 ${n} 个问题：`,
    input: '输入',
    colon: '：',
    'diff.title': '相对载入状态的更改',
    'diff.bodyAria': '更改的 JSON 请求体',
    'diff.changed': (n) => `已更改 ${n} 个字段：`,
    'diff.none': '没有更改：请求体只会包含 extid。',
    'diff.otherExt': (ext) => `分机号不是载入的分机（${ext}）：此更新会把分机 ${ext} 改号（以 extnumber 发送）。`,
    'warnings.title': '警告',
    'warnings.count': (n) => `${n} 条警告（不影响生成请求体）：`,
    curlAria: 'curl 命令',
    'curl.help':
      '把 <code>HOST</code> 换成 PBX 的地址，把 <code>TOKEN</code> 换成 <code>/api/v1.0.0/login</code> 返回的令牌。' +
      'PBX 返回 <code>{"status":"Success"}</code> 或 <code>{"status":"Failed","errno":"…"}</code>。',
    'curl.placeholder': '修正上面的问题后即可得到 curl 命令。',
    'curl.fromDiff': '只发送更改（即“相对载入状态的更改”中的请求体）。',
  },
};

let locale = 'en'; // "en" | "zh-CN"

/** The page text `key` in the current locale; a function entry is called with `args`. */
function t(key, ...args) {
  const v = TEXT[locale][key] ?? TEXT.en[key];
  return typeof v === 'function' ? v(...args) : v;
}

// ---------------------------------------------------------------------------------------------
// State

let metas = fields({ locale });
let byName = new Map(metas.map((m) => [m.name, m]));
const rows = new Map(); // name → { control, include, error, warning, row, labelText, … }
const legends = new Map(); // group id → <legend>
const touched = new Set();
const fieldErrors = new Map(); // name → FieldError[] from validateField (the field being edited)
let current; // options.current, or undefined
let before; // the loaded "before" state (fromQuery of an extinfo), or undefined
let queryMessage = null; // { key, args, error } of the load box, re-worded on a language switch
let currentErrorKey = null; // the error of the current box, if any

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
    const select = h('select', common, h('option', { value: '', 'data-not-set': true }, t('notSet')));
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
  const ids = { controlId: `f-${m.name}`, helpId: `help-${m.name}`, errorId: `err-${m.name}`, warnId: `warn-${m.name}` };
  const control = buildControl(m, ids);
  const always = m.name === ALWAYS;
  const include = h('input', {
    type: 'checkbox',
    class: 'include-box',
    'data-include-for': m.name,
    'aria-label': t('includeAria', m.label),
    checked: always,
    disabled: always,
  });
  const labelText = h('span', { class: 'label-text' }, m.label);
  const badge = m.required ? h('span', { class: 'badge' }, t('required')) : null;
  const label = h('label', { for: ids.controlId, class: 'label' }, labelText, badge);
  const includeText = h('span', {}, always ? t('always') : t('include'));
  const includeLabel = h('label', { class: 'include', title: always ? t('alwaysTitle') : t('includeTitle') }, include, includeText);
  const wire = h('code', { class: 'wire', title: t('wireTitle') }, m.name);
  const head = h('div', { class: 'field-head' }, h('span', { class: 'field-title' }, label, ' ', wire), includeLabel);
  let controlBox = control;
  let toggle = null;
  if (m.secret) {
    toggle = h('button', { type: 'button', class: 'reveal small secondary', 'aria-pressed': 'false', 'aria-controls': ids.controlId, 'aria-label': t('showAria', m.label) }, t('show'));
    toggle.addEventListener('click', () => {
      control.type = control.type === 'text' ? 'password' : 'text';
      labelReveal(m.name);
    });
    controlBox = h('div', { class: 'with-button' }, control, toggle);
  }
  const error = h('p', { class: 'error', id: ids.errorId, 'data-error-for': m.name, hidden: true });
  const warning = h('ul', { class: 'warning', id: ids.warnId, 'data-warning-for': m.name, hidden: true });
  const hint = h('span', { class: 'hint' }, constraintHint(m, locale));
  const help = h(
    'p',
    { class: 'help', id: ids.helpId },
    // The vendor's descriptions are English in every locale.
    m.description ? h('span', { class: 'desc', lang: 'en' }, m.description) : null,
    hint,
  );
  const row = h('div', { class: `field${always ? '' : ' excluded'}`, 'data-field': m.name }, head, controlBox, error, warning, help);
  rows.set(m.name, { control, include, error, warning, row, labelText, badge, includeText, includeLabel, wire, toggle, hint, ...ids });

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

/** The texts of a secret's show/hide button, for its state and the locale. */
function labelReveal(name) {
  const { control, toggle } = rows.get(name);
  const shown = control.type === 'text';
  const label = byName.get(name).label;
  toggle.textContent = shown ? t('hide') : t('show');
  toggle.setAttribute('aria-pressed', String(shown));
  toggle.setAttribute('aria-label', shown ? t('hideAria', label) : t('showAria', label));
}

function buildForm() {
  const form = $('#form');
  form.replaceChildren();
  for (const g of groupFields(metas)) {
    const legend = h('legend', {}, g.label);
    legends.set(g.id, legend);
    const grid = h('div', { class: 'grid' }, ...g.fields.map(buildRow));
    form.append(h('fieldset', { class: 'group', 'data-group': g.id }, legend, grid));
  }
}

/** Re-words the form after a language switch: labels, group names, hints, small buttons. */
function relabelForm() {
  for (const g of groupFields(metas)) legends.get(g.id).textContent = g.label;
  for (const m of metas) {
    const r = rows.get(m.name);
    const always = m.name === ALWAYS;
    r.labelText.textContent = m.label;
    if (r.badge) r.badge.textContent = t('required');
    r.includeText.textContent = always ? t('always') : t('include');
    r.includeLabel.title = always ? t('alwaysTitle') : t('includeTitle');
    r.include.setAttribute('aria-label', t('includeAria', m.label));
    r.wire.title = t('wireTitle');
    r.hint.textContent = constraintHint(m, locale);
    const notSet = r.control.querySelector('option[data-not-set]');
    if (notSet) notSet.textContent = t('notSet');
    if (r.toggle) labelReveal(m.name);
  }
}

// ---------------------------------------------------------------------------------------------
// State → input → messages

const included = (name) => rows.get(name).include.checked;
const valueOf = (name) => rows.get(name).control.value;
const options = () => (current ? { current, locale } : { locale });

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

function showMessages(name, err, warns) {
  const { control, error, warning, row, helpId, errorId, warnId } = rows.get(name);
  if (err) {
    error.textContent = err.message;
    error.dataset.code = err.code;
    error.hidden = false;
    control.setAttribute('aria-invalid', 'true');
  } else {
    error.textContent = '';
    delete error.dataset.code;
    error.hidden = true;
    control.removeAttribute('aria-invalid');
  }
  warning.replaceChildren(...warns.map((w) => h('li', { 'data-code': w.code }, w.message)));
  warning.hidden = warns.length === 0;
  const describedBy = [err ? errorId : null, warns.length ? warnId : null, helpId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  row.classList.toggle('invalid', Boolean(err));
  row.classList.toggle('warned', warns.length > 0);
  row.classList.toggle('excluded', !included(name));
}

function render() {
  const input = currentInput();
  const full = validate(input, options());
  // With a "before" state, the update is the minimal one from it; the curl line sends that.
  const changes = before ? diff(before, input, { locale }) : null;
  const active = changes ?? full;
  const fullErrors = full.ok ? [] : full.errors;
  const diffErrors = changes && !changes.ok ? changes.errors : [];

  for (const m of metas) {
    const own = included(m.name) ? fieldErrors.get(m.name) ?? [] : [];
    // The field's own check first; then what the whole input says about it. A cross-field
    // message (required_if) shows even on an untouched field: another field caused it; so does
    // anything the diff refuses (it is about a change).
    let err = own[0];
    if (!err) err = fullErrors.find((e) => e.field === m.name && (e.code === 'required_if' || touched.has(m.name)));
    if (!err) err = diffErrors.find((e) => e.field === m.name);
    showMessages(m.name, err, active.warnings.filter((w) => w.field === m.name));
  }
  renderResult(full, Boolean(before));
  renderDiff(changes);
  renderWarnings(active.warnings);
  renderCurl(active);
}

/** Sets the text of a <pre>, with line-break opportunities after commas (copying is unchanged). */
function setCode(el, text) {
  const parts = text.split(/(?<=,)/);
  el.replaceChildren(...parts.flatMap((p, i) => (i ? [document.createElement('wbr'), p] : [p])));
}

/** A link that focuses the field `name` (or plain text for the input as a whole). */
function fieldLink(name) {
  const meta = byName.get(name);
  return meta ? h('a', { href: `#f-${name}`, 'data-focus': name }, meta.label) : h('strong', {}, name || t('input'));
}

function errorItems(errors) {
  return errors.map((e) => h('li', { 'data-code': e.code, 'data-field': e.field }, fieldLink(e.field), t('colon'), h('span', {}, e.message)));
}

function statusText(result) {
  if (!result.ok) return t('invalid', result.errors.length);
  return t('valid', Object.keys(result.value).length, new TextEncoder().encode(result.body).length);
}

function renderResult(result, hasBefore) {
  const panel = $('#result');
  const bodyEl = $('#body');
  const summary = $('#summary');
  $('#result-title').textContent = hasBefore ? t('result.titleFull') : t('result.title');
  panel.dataset.state = result.ok ? 'valid' : 'invalid';
  $('#copy-body').disabled = !result.ok;
  $('#status').textContent = statusText(result);
  if (result.ok) {
    setCode(bodyEl, result.body);
    bodyEl.hidden = false;
    summary.hidden = true;
    summary.replaceChildren();
    return;
  }
  bodyEl.hidden = true;
  bodyEl.textContent = '';
  summary.replaceChildren(...errorItems(result.errors));
  summary.hidden = false;
}

function renderDiff(changes) {
  const panel = $('#diff-panel');
  panel.hidden = !changes;
  if (!changes) {
    panel.dataset.state = 'none';
    return;
  }
  const status = $('#diff-status');
  const list = $('#changed');
  const bodyEl = $('#diff-body');
  const summary = $('#diff-summary');
  const note = $('#diff-note');
  panel.dataset.state = changes.ok ? (changes.changed.length ? 'changed' : 'unchanged') : 'invalid';
  $('#copy-diff').disabled = !changes.ok;

  if (changes.ok) status.textContent = changes.changed.length ? t('diff.changed', changes.changed.length) : t('diff.none');
  else status.textContent = t('invalid', changes.errors.length);
  list.replaceChildren(
    ...changes.changed.map((name) => h('li', { 'data-field': name }, fieldLink(name), ' ', h('code', { class: 'wire' }, name))),
  );
  list.hidden = !changes.ok || changes.changed.length === 0;

  // The extid is the key: diff() reads another number as a renumbering (extnumber); say so.
  const otherExt = included(ALWAYS) && valueOf(ALWAYS).trim() !== '' && before.extid !== undefined && valueOf(ALWAYS).trim() !== before.extid;
  note.hidden = !otherExt;
  note.textContent = otherExt ? t('diff.otherExt', before.extid) : '';

  if (changes.ok) {
    setCode(bodyEl, changes.body);
    bodyEl.hidden = false;
    summary.hidden = true;
    summary.replaceChildren();
  } else {
    bodyEl.hidden = true;
    bodyEl.textContent = '';
    summary.replaceChildren(...errorItems(changes.errors));
    summary.hidden = false;
  }
}

function renderWarnings(warnings) {
  const panel = $('#warnings-panel');
  panel.dataset.count = String(warnings.length);
  $('#warnings-title').hidden = warnings.length === 0;
  $('#warnings-status').textContent = warnings.length ? t('warnings.count', warnings.length) : '';
  $('#warnings-list').replaceChildren(
    ...warnings.map((w) => h('li', { 'data-code': w.code, 'data-field': w.field }, fieldLink(w.field), t('colon'), h('span', {}, w.message))),
  );
}

function renderCurl(active) {
  const curlEl = $('#curl');
  const source = $('#curl-source');
  $('#copy-curl').disabled = !active.ok;
  source.hidden = !before;
  source.textContent = before ? t('curl.fromDiff') : '';
  if (active.ok) {
    setCode(curlEl, curlLine(active.body));
    curlEl.classList.remove('placeholder');
  } else {
    curlEl.textContent = t('curl.placeholder');
    curlEl.classList.add('placeholder');
  }
}

// ---------------------------------------------------------------------------------------------
// Current extension

function showCurrentError() {
  const box = $('#current');
  const err = $('#current-error');
  err.hidden = !currentErrorKey;
  err.textContent = currentErrorKey ? t(`current.err.${currentErrorKey}`) : '';
  if (currentErrorKey) box.setAttribute('aria-invalid', 'true');
  else box.removeAttribute('aria-invalid');
}

/** Reads the current box into `current`; re-checks the fields edited so far. */
function readCurrent() {
  const parsed = parseCurrent($('#current').value);
  current = parsed.error ? undefined : parsed.current;
  currentErrorKey = parsed.error ?? null;
  showCurrentError();
  for (const name of rows.keys()) if (fieldErrors.has(name)) refreshField(name);
}

function applyCurrent() {
  readCurrent();
  render();
}

// ---------------------------------------------------------------------------------------------
// Load from query response: the "before" state

let pickList = []; // the extinfos of the query box, as last parsed

function showQueryMessage() {
  const el = $('#query-message');
  const box = $('#query');
  el.textContent = queryMessage ? t(queryMessage.key, ...queryMessage.args) : '';
  el.dataset.state = queryMessage ? (queryMessage.error ? 'error' : 'ok') : '';
  if (queryMessage?.error) box.setAttribute('aria-invalid', 'true');
  else box.removeAttribute('aria-invalid');
}

/** Fills the extension picker when the pasted answer holds several extinfos. */
function updatePicker() {
  const parsed = parseQuery($('#query').value);
  pickList = parsed.extinfos ?? [];
  const pick = $('#query-pick');
  const keep = pick.value;
  pick.replaceChildren(
    ...pickList.map((x, i) => {
      const ext = String(x.extnumber).trim();
      const name = typeof x.username === 'string' && x.username.trim() ? ` – ${x.username.trim()}` : '';
      return h('option', { value: String(i) }, ext + name);
    }),
  );
  if (keep && Number(keep) < pickList.length) pick.value = keep;
  $('#query-pick-box').hidden = pickList.length < 2;
}

/** Sets a control to `value`; a value the select does not offer gets an option of its own. */
function setControl(name, value) {
  const { control } = rows.get(name);
  if (control.tagName === 'SELECT' && ![...control.options].some((o) => o.value === value)) {
    control.append(h('option', { value, 'data-loaded': true }, value));
  }
  control.value = value;
}

function loadQuery() {
  updatePicker();
  const parsed = parseQuery($('#query').value);
  if (parsed.error) {
    const args = parsed.error === 'failed' ? [parsed.errno, parsed.errno ? explainErrno(parsed.errno, { locale }).message : ''] : [];
    queryMessage = { key: `query.err.${parsed.error}`, args, error: true, errno: parsed.errno };
    showQueryMessage();
    return;
  }
  const index = parsed.extinfos.length > 1 ? Number($('#query-pick').value) || 0 : 0;
  let state;
  try {
    state = fromQuery(parsed.extinfos[index]);
  } catch {
    queryMessage = { key: 'query.err.unreadable', args: [], error: true };
    showQueryMessage();
    return;
  }

  // The form starts over from the loaded state: its fields filled and included, the rest left out.
  touched.clear();
  fieldErrors.clear();
  for (const [name, r] of rows) {
    r.control.querySelectorAll('option[data-loaded]').forEach((o) => o.remove());
    r.control.value = '';
    if (name !== ALWAYS) r.include.checked = false;
  }
  let n = 0;
  for (const [name, value] of Object.entries(state)) {
    if (!rows.has(name) || typeof value !== 'string') continue;
    setControl(name, value);
    if (name !== ALWAYS) rows.get(name).include.checked = true;
    n++;
  }
  before = state;
  $('#query-forget').disabled = false;

  // The cross-field rules read the loaded state too.
  $('#current').value = JSON.stringify(state, null, 1);
  readCurrent();

  queryMessage = { key: 'query.loaded', args: [state.extid ?? '?', n], error: false };
  showQueryMessage();
  render();
}

function forgetQuery() {
  before = undefined;
  $('#query-forget').disabled = true;
  queryMessage = { key: 'query.forgotten', args: [], error: false };
  showQueryMessage();
  render();
}

// ---------------------------------------------------------------------------------------------
// Language

/** The static texts of the page in the current locale. */
function applyStaticTexts() {
  document.documentElement.lang = locale;
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  // Only our own constant strings (TEXT) are set as markup.
  for (const el of document.querySelectorAll('[data-i18n-html]')) el.innerHTML = t(el.dataset.i18nHtml);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
}

function setLocale(next) {
  locale = next === 'zh-CN' ? 'zh-CN' : 'en';
  metas = fields({ locale });
  byName = new Map(metas.map((m) => [m.name, m]));
  applyStaticTexts();
  relabelForm();
  for (const name of fieldErrors.keys()) refreshField(name);
  showCurrentError();
  if (queryMessage?.key === 'query.err.failed' && queryMessage.errno) {
    queryMessage.args = [queryMessage.errno, explainErrno(queryMessage.errno, { locale }).message];
  }
  showQueryMessage();
  for (const id of ['copy-note-body', 'copy-note-curl', 'copy-note-diff']) $(`#${id}`).textContent = '';
  render();
}

// ---------------------------------------------------------------------------------------------
// Copy buttons, wiring

async function copy(text, what, note) {
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = t('copied');
  } catch {
    note.textContent = t('copyFailed', t(what));
  }
  clearTimeout(note.timer);
  note.timer = setTimeout(() => (note.textContent = ''), 2500);
}

function focusField(e) {
  const a = e.target.closest('a[data-focus]');
  if (!a) return;
  e.preventDefault();
  const { control } = rows.get(a.dataset.focus);
  control.focus();
  control.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function wire() {
  $('#form').addEventListener('submit', (e) => e.preventDefault());
  $('#current').addEventListener('input', applyCurrent);
  $('#current-sample').addEventListener('click', () => {
    $('#current').value = JSON.stringify(SAMPLE_CURRENT, null, 1);
    applyCurrent();
  });
  $('#current-clear').addEventListener('click', () => {
    $('#current').value = '';
    applyCurrent();
  });
  $('#query').addEventListener('input', updatePicker);
  $('#query-load').addEventListener('click', loadQuery);
  $('#query-sample').addEventListener('click', () => {
    $('#query').value = JSON.stringify(SAMPLE_ANSWER, null, 1);
    updatePicker();
    loadQuery();
  });
  $('#query-forget').addEventListener('click', forgetQuery);
  $('#lang').addEventListener('change', (e) => setLocale(e.target.value));
  $('#copy-body').addEventListener('click', () => copy($('#body').textContent, 'what.body', $('#copy-note-body')));
  $('#copy-diff').addEventListener('click', () => copy($('#diff-body').textContent, 'what.diff', $('#copy-note-diff')));
  $('#copy-curl').addEventListener('click', () => copy($('#curl').textContent, 'what.curl', $('#copy-note-curl')));
  for (const id of ['#summary', '#diff-summary', '#changed', '#warnings-list']) $(id).addEventListener('click', focusField);
}

buildForm();
wire();
$('#lang').value = locale;
applyStaticTexts();
render();
document.documentElement.dataset.ready = 'true';
