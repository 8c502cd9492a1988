// Pure helpers of the demo page (no DOM): shell quoting, the curl line, help texts.
// Kept apart from app.js so they can be read (and tested) on their own.

export const ENDPOINT = 'https://HOST:8088/api/v1.0.0/extension/update?token=TOKEN';

/** Quotes a string for a POSIX shell: '…' with every ' written as '\''. */
export function shellQuote(text) {
  return `'${String(text).replaceAll("'", `'\\''`)}'`;
}

/** The curl line that sends `body` (HOST and TOKEN stay placeholders). */
export function curlLine(body) {
  return `curl -k -X POST ${shellQuote(ENDPOINT)} -H 'Content-Type: application/json' -d ${shellQuote(body)}`;
}

/** Which control a field gets: a select for switches/destinations/enums, else a text box. */
export function controlFor(meta) {
  if (Array.isArray(meta.allowed) && meta.allowed.length) return 'select';
  if (meta.secret) return 'password';
  return 'text';
}

const KIND_HINT = {
  en: {
    extension_number: 'digits',
    name: 'letters, digits and spaces',
    token: 'ASCII letters and digits',
    secret: 'no spaces, quotes or ; & ` \\ < > |; sent exactly as typed',
    secret_digits: 'digits; sent exactly as typed',
    integer: 'a whole number',
    email: 'an e-mail address',
    digits: 'digits',
  },
  'zh-CN': {
    extension_number: '数字',
    name: '字母、数字和空格',
    token: 'ASCII 字母和数字',
    secret: '不能含空格、引号或 ; & ` \\ < > |；按输入原样发送',
    secret_digits: '数字；按输入原样发送',
    integer: '整数',
    email: '电子邮件地址',
    digits: '数字',
  },
};

const HINT_WORDS = {
  en: {
    range: (min, max) => `${min}–${max} characters`,
    max: (max) => `up to ${max} characters`,
    between: (min, max) => `${min} to ${max}`,
    required: 'required',
    blank: 'may be blank',
    notBlank: 'not blank when given',
    sep: ' · ',
  },
  'zh-CN': {
    range: (min, max) => `${min}–${max} 个字符`,
    max: (max) => `最多 ${max} 个字符`,
    between: (min, max) => `${min} 到 ${max}`,
    required: '必填',
    blank: '可以为空',
    notBlank: '填写时不能为空',
    sep: ' · ',
  },
};

/**
 * A short constraint summary built from the field's metadata, e.g. "digits · 1–31 characters",
 * in English or (locale "zh-CN") Chinese.
 */
export function constraintHint(meta, locale = 'en') {
  const lang = locale === 'zh-CN' ? 'zh-CN' : 'en';
  const w = HINT_WORDS[lang];
  const parts = [];
  if (KIND_HINT[lang][meta.kind]) parts.push(KIND_HINT[lang][meta.kind]);
  const { minLength: min, maxLength: max } = meta;
  if (min !== undefined && max !== undefined && min > 1) parts.push(w.range(min, max));
  else if (max !== undefined) parts.push(w.max(max));
  if (meta.minimum !== undefined && meta.maximum !== undefined) parts.push(w.between(meta.minimum, meta.maximum));
  if (meta.required) parts.push(w.required);
  else if (meta.blankAllowed) parts.push(w.blank);
  else if (!meta.allowed) parts.push(w.notBlank);
  return parts.join(w.sep);
}

/** Groups the metadata rows by `group`, in the order groups first appear (the table's order). */
export function groupFields(metas) {
  const groups = new Map();
  for (const m of metas) {
    if (!groups.has(m.group)) groups.set(m.group, { id: m.group, label: m.groupLabel || m.group, fields: [] });
    groups.get(m.group).fields.push(m);
  }
  return [...groups.values()];
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads the optional "current extension" text: one item of the query API's `extinfos`, or the
 * whole query answer (its first `extinfos` item is taken). Returns { current } or
 * { error: 'not_json' | 'not_object' } (the page words the error in its language).
 */
export function parseCurrent(text) {
  const t = String(text).trim();
  if (t === '') return { current: undefined };
  let v;
  try {
    v = JSON.parse(t);
  } catch {
    return { error: 'not_json' };
  }
  if (isObject(v) && Array.isArray(v.extinfos)) v = v.extinfos[0];
  if (!isObject(v)) return { error: 'not_object' };
  return { current: v };
}

/**
 * Reads the text of a `/extension/query` answer for the "load" box. Accepts the whole answer
 * (`{"status":"Success","extinfos":[…]}`), one extinfo object, or an array of extinfos.
 * Returns { extinfos } (at least one object, each with an `extnumber`) or { error, errno? }:
 * 'empty', 'not_json', 'failed' (a `{"status":"Failed","errno":…}` answer), 'no_extinfos',
 * 'not_object' (an item is not an object), 'no_extnumber'.
 */
export function parseQuery(text) {
  const t = String(text).trim();
  if (t === '') return { error: 'empty' };
  let v;
  try {
    v = JSON.parse(t);
  } catch {
    return { error: 'not_json' };
  }
  let list;
  if (Array.isArray(v)) list = v;
  else if (isObject(v) && 'extinfos' in v) {
    if (!Array.isArray(v.extinfos)) return { error: 'no_extinfos' };
    list = v.extinfos;
  } else if (isObject(v) && (String(v.status).toLowerCase() === 'failed' || 'errno' in v)) {
    const errno = typeof v.errno === 'string' || typeof v.errno === 'number' ? String(v.errno) : '';
    return { error: 'failed', errno };
  } else if (isObject(v) && 'extnumber' in v) list = [v];
  else if (isObject(v)) return { error: 'no_extinfos' };
  else return { error: 'not_object' };
  if (list.length === 0) return { error: 'no_extinfos' };
  if (!list.every(isObject)) return { error: 'not_object' };
  const hasNumber = (x) => (typeof x.extnumber === 'string' && x.extnumber.trim() !== '') || typeof x.extnumber === 'number';
  if (!list.every(hasNumber)) return { error: 'no_extnumber' };
  return { extinfos: list };
}
