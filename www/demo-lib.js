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
  extension_number: 'digits',
  name: 'letters, digits and spaces',
  token: 'ASCII letters and digits',
  secret: 'no spaces, quotes or ; & ` \\ < > |; sent exactly as typed',
  secret_digits: 'digits; sent exactly as typed',
  integer: 'a whole number',
  email: 'an e-mail address',
  digits: 'digits',
};

/** A short constraint summary built from the field's metadata, e.g. "digits · 1–31 characters". */
export function constraintHint(meta) {
  const parts = [];
  if (KIND_HINT[meta.kind]) parts.push(KIND_HINT[meta.kind]);
  const { minLength: min, maxLength: max } = meta;
  if (min !== undefined && max !== undefined && min > 1) parts.push(`${min}–${max} characters`);
  else if (max !== undefined) parts.push(`up to ${max} characters`);
  if (meta.minimum !== undefined && meta.maximum !== undefined) parts.push(`${meta.minimum} to ${meta.maximum}`);
  if (meta.required) parts.push('required');
  else if (meta.blankAllowed) parts.push('may be blank');
  else if (!meta.allowed) parts.push('not blank when given');
  return parts.join(' · ');
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

/**
 * Reads the optional "current extension" text: one item of the query API's `extinfos`, or the
 * whole query answer (its first `extinfos` item is taken). Returns { current } or { error }.
 */
export function parseCurrent(text) {
  const t = String(text).trim();
  if (t === '') return { current: undefined };
  let v;
  try {
    v = JSON.parse(t);
  } catch {
    return { error: 'This is not valid JSON.' };
  }
  if (v && typeof v === 'object' && Array.isArray(v.extinfos)) v = v.extinfos[0];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { error: 'Expected a JSON object (one item of extinfos).' };
  return { current: v };
}
