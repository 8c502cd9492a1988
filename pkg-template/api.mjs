// The public API of the package, written once for every entry point.
//
// `createApi(wasm)` wraps the four string-in/string-out exports of the wasm
// core (docs/BOUNDARY.md) into the functions of SPEC §5. The entry files only
// differ in how they obtain `wasm`: the Node entries load the CommonJS glue
// synchronously, `index.js` instantiates embedded bytes, `slim.js` waits for
// `init()`. scripts/build-pkg.mjs derives `api.cjs` from this file, so it must
// stay free of imports and use only `export function` / `export class` /
// `export const` declarations.

// Flag bits of the wasm calls (BOUNDARY.md).
const STRIP = 1;
const ZH_CN = 2;

// What `encodeValue` sends for any value the core must report as `wrong_type`.
const WRONG_TYPE = Object.freeze({});

// Lone UTF-16 surrogates: the `u` flag makes a valid pair one code point, so
// this only matches unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

const toTag = Object.prototype.toString;

/** Thrown by `buildBody` when the input is not valid; `.errors` holds every FieldError. */
export class ValidationError extends Error {
  constructor(errors) {
    if (!Array.isArray(errors)) errors = [];
    const first = errors[0];
    const n = errors.length;
    super(
      `Invalid extension update: ${n} error${n === 1 ? "" : "s"}` +
        (first ? `; first: ${first.field ? first.field + ": " : ""}${first.message}` : "")
    );
    this.name = "ValidationError";
    this.errors = errors;
  }
}

// One JS value → a JSON-able value of the boundary encoding. Anything that is
// not a string, boolean, finite number or "not given" becomes `{}`, which the
// core reports as `wrong_type` (so nothing is ever dropped silently).
function encodeValue(v) {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      return Number.isFinite(v) ? v : WRONG_TYPE;
    case "undefined":
      return null;
    case "object":
      return v === null ? null : WRONG_TYPE;
    default: // function, symbol, bigint
      return WRONG_TYPE;
  }
}

// A JS object → JSON text (one pass over Object.keys, one JSON.stringify).
// Returns null when `x` is not a plain-ish object or cannot be read at all.
// With `strict`, a value whose reading throws makes the whole object unreadable
// (used for options.current, where hostility is misuse, not data).
function encodeObject(x, strict) {
  if (x === null || typeof x !== "object") return null;
  let keys;
  try {
    // toString reads Symbol.toStringTag: a Proxy `get` trap may throw here.
    if (toTag.call(x) !== "[object Object]") return null;
    keys = Object.keys(x);
  } catch {
    return null;
  }
  // A plain object keeps V8's fast properties (a null-prototype one is a dictionary, and
  // measured ~0.4 µs slower per 10-field input); a "__proto__" key is defined, not assigned,
  // so it stays plain data instead of setting the prototype.
  const out = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    let v;
    try {
      v = x[k];
    } catch {
      if (strict) return null;
      v = WRONG_TYPE;
    }
    if (k === "__proto__") {
      Object.defineProperty(out, k, { value: encodeValue(v), enumerable: true, writable: true, configurable: true });
    } else {
      out[k] = encodeValue(v);
    }
  }
  return JSON.stringify(out);
}

// The locale tag → its flag bit: zh-CN (also zh, zh-Hans, any case) or, for any other
// string, English (an unknown locale falls back to en, as documented).
function localeFlag(locale) {
  if (locale === undefined || locale === null) return 0;
  if (typeof locale !== "string") throw new TypeError('options.locale must be a string such as "en" or "zh-CN"');
  const tag = locale.trim().toLowerCase().replace("_", "-");
  return tag === "zh" || tag === "zh-cn" || tag === "zh-hans" || tag === "zh-hans-cn" ? ZH_CN : 0;
}

// The options object → [currentJson, flags, messages]; misuse throws a TypeError.
// Unknown keys are ignored on purpose (later versions add more options).
const NO_OPTIONS = ["", 0, undefined];
function readOptions(options) {
  if (options === undefined || options === null) return NO_OPTIONS;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError("options must be an object, null or undefined");
  }
  let current, unknownFields, locale, messages;
  try {
    current = options.current;
    unknownFields = options.unknownFields;
    locale = options.locale;
    messages = options.messages;
  } catch (cause) {
    throw new TypeError("options could not be read", { cause });
  }
  let flags = localeFlag(locale);
  if (unknownFields === "strip") flags |= STRIP;
  else if (unknownFields !== undefined && unknownFields !== "error") {
    throw new TypeError('options.unknownFields must be "error", "strip" or undefined');
  }
  if (messages === null) messages = undefined;
  if (messages !== undefined && typeof messages !== "function" && (typeof messages !== "object" || Array.isArray(messages))) {
    throw new TypeError("options.messages must be a function or an object of templates/functions by code");
  }
  let currentJson = "";
  if (current !== undefined && current !== null) {
    currentJson = encodeObject(current, true);
    if (currentJson === null) {
      throw new TypeError(
        "options.current must be a plain object whose properties can be read (or null/undefined)"
      );
    }
  }
  return flags === 0 && currentJson === "" && messages === undefined ? NO_OPTIONS : [currentJson, flags, messages];
}

// `{name}` placeholders of a message template: the issue's own properties (`field`, `code`,
// `message`), its params, and `label` / `becauseLabel` (labels in the chosen locale). An
// unknown placeholder stays as written; arrays are joined with ", ".
function fillTemplate(template, issue, labels) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    let v;
    if (name === "label") v = labels[issue.field] ?? issue.field;
    else if (name === "becauseLabel") v = issue.params && labels[issue.params.because];
    else if (name === "field" || name === "code" || name === "message") v = issue[name];
    else v = issue.params && issue.params[name];
    if (v === undefined || v === null) return whole;
    return Array.isArray(v) ? v.join(", ") : String(v);
  });
}

// Applies options.messages to errors or warnings (in place: they are fresh from JSON.parse).
// A function override, or a per-code function, gets (issue, { locale, label, becauseLabel })
// and returns the text, or undefined/null to keep the default sentence.
function overrideMessages(issues, messages, flags, labelsOf) {
  if (messages === undefined || issues.length === 0) return issues;
  const labels = labelsOf(flags);
  const locale = flags & ZH_CN ? "zh-CN" : "en";
  for (const issue of issues) {
    const rule = typeof messages === "function" ? messages : messages[issue.code];
    let text;
    if (typeof rule === "string") text = fillTemplate(rule, issue, labels);
    else if (typeof rule === "function") {
      const becauseLabel = issue.params && issue.params.because !== undefined ? labels[issue.params.because] : undefined;
      text = rule({ ...issue, params: issue.params && { ...issue.params } }, { locale, label: labels[issue.field] ?? issue.field, becauseLabel });
    }
    if (text !== undefined && text !== null) issue.message = String(text);
  }
  return issues;
}

// The glue encodes strings with TextEncoder, which would silently turn a lone
// surrogate into U+FFFD (and alter a secret). As a JSON escape it stays visible:
// inside a string the core reports `invalid_chars`, elsewhere the text stays
// invalid JSON.
function escapeLoneSurrogates(text) {
  LONE_SURROGATE.lastIndex = 0;
  if (!LONE_SURROGATE.test(text)) return text;
  return text.replace(LONE_SURROGATE, (c) => "\\u" + c.charCodeAt(0).toString(16));
}

// Result text of the core → result object. `{` = success (the text is the body); a tab
// separates the warnings, when there are any (compact JSON never holds a raw tab).
function toResult(text) {
  const tab = text.indexOf("\t");
  const answer = tab < 0 ? text : text.slice(0, tab);
  const warnings = tab < 0 ? [] : JSON.parse(text.slice(tab + 1));
  return answer.charCodeAt(0) === 123
    ? { ok: true, body: answer, value: JSON.parse(answer), warnings }
    : { ok: false, errors: JSON.parse(answer), warnings };
}

/**
 * Builds the public API around the wasm-bindgen exports (`validate`, `validateMany`,
 * `validateField`, `fields`, `schema`, `fromQuery`, `diff`; BOUNDARY.md).
 */
export function createApi(wasm) {
  const fieldsText = []; // by locale flag: the table never changes at run time
  const labelMaps = [];
  let schemaText;

  function fieldsJson(flags) {
    const i = flags & ZH_CN ? 1 : 0;
    return fieldsText[i] ?? (fieldsText[i] = wasm.fields(flags & ZH_CN));
  }

  // name → label in the locale of `flags` (for message overrides).
  function labelsOf(flags) {
    const i = flags & ZH_CN ? 1 : 0;
    if (!labelMaps[i]) {
      const map = Object.create(null);
      for (const f of JSON.parse(fieldsJson(flags))) map[f.name] = f.label;
      labelMaps[i] = map;
    }
    return labelMaps[i];
  }

  // A core answer → result object, with options.messages applied.
  function finish(text, flags, messages) {
    const r = toResult(text);
    if (messages !== undefined) {
      if (!r.ok) overrideMessages(r.errors, messages, flags, labelsOf);
      overrideMessages(r.warnings, messages, flags, labelsOf);
    }
    return r;
  }

  function validate(input, options) {
    return validateRead(input, readOptions(options));
  }

  // validate() with options already read (request() reads them once for target and body).
  function validateRead(input, [current, flags, messages]) {
    // "null" makes the core report `not_an_object`.
    return finish(wasm.validate(encodeObject(input, false) ?? "null", current, flags), flags, messages);
  }

  function validateJson(text, options) {
    if (typeof text !== "string") throw new TypeError("validateJson expects a string");
    const [current, flags, messages] = readOptions(options);
    return finish(wasm.validate(escapeLoneSurrogates(text), current, flags), flags, messages);
  }

  // N payloads, one crossing: the core answers one result text per item, joined by "\n"
  // (compact JSON never holds a raw newline).
  function validateMany(inputs, options) {
    let text;
    if (typeof inputs === "string") {
      text = escapeLoneSurrogates(inputs);
    } else if (Array.isArray(inputs)) {
      let n;
      try {
        n = inputs.length;
      } catch (cause) {
        throw new TypeError("validateMany: the array of inputs could not be read", { cause });
      }
      const parts = new Array(n);
      for (let i = 0; i < n; i++) {
        let item = null; // an item that cannot be read (a throwing Proxy trap) is not an object
        try {
          item = inputs[i];
        } catch {}
        parts[i] = encodeObject(item, false) ?? "null";
      }
      text = "[" + parts.join(",") + "]";
    } else {
      throw new TypeError("validateMany expects an array of inputs or the text of a JSON array");
    }
    const [current, flags, messages] = readOptions(options);
    const out = wasm.validateMany(text, current, flags);
    return out === "" ? [] : out.split("\n").map((answer) => finish(answer, flags, messages));
  }

  function validateField(field, value, options) {
    if (typeof field !== "string") throw new TypeError("validateField expects a field name string");
    const [current, flags, messages] = readOptions(options);
    const errors = JSON.parse(wasm.validateField(field, JSON.stringify(encodeValue(value)), current, flags));
    return overrideMessages(errors, messages, flags, labelsOf);
  }

  function buildBody(input, options) {
    const r = validate(input, options);
    if (r.ok) return r.body;
    throw new ValidationError(r.errors);
  }

  // Fresh copies each call, so a caller may mutate what it gets. `options.locale` picks the
  // language of `label` and `groupLabel`.
  function fields(options) {
    return JSON.parse(fieldsJson(readOptions(options)[1]));
  }

  function schema() {
    if (schemaText === undefined) schemaText = wasm.schema();
    return JSON.parse(schemaText);
  }

  // One item of the query API's `extinfos` → an update-shaped object (a form's starting state).
  function fromQuery(extinfo) {
    const text = encodeObject(extinfo, true);
    if (text === null) throw new TypeError("fromQuery expects one item of the query API's extinfos (a plain object)");
    return JSON.parse(wasm.fromQuery(text));
  }

  // The minimal valid update from `before` to `after`: a validate() result plus `changed`.
  function diff(before, after, options) {
    const beforeJson = encodeObject(before, true);
    const afterJson = encodeObject(after, false);
    if (beforeJson === null || afterJson === null) throw new TypeError("diff expects two plain objects (before, after)");
    const [, flags, messages] = readOptions(options);
    const out = wasm.diff(beforeJson, afterJson, flags);
    const nl = out.indexOf("\n");
    return { ...finish(out.slice(nl + 1), flags, messages), changed: JSON.parse(out.slice(0, nl)) };
  }

  // The request to send, or every error (the target's first); no network.
  function request(target, input, options) {
    const read = readOptions(options);
    const [, flags, messages] = read;
    const t = requestTarget(target, flags & ZH_CN ? "zh-CN" : "en");
    const r = validateRead(input, read);
    const targetErrors = t.errors ? overrideMessages(t.errors, messages, flags, labelsOf) : [];
    if (!r.ok || targetErrors.length > 0) {
      return { ok: false, errors: targetErrors.concat(r.ok ? [] : r.errors), warnings: r.warnings };
    }
    return {
      ok: true,
      request: { method: "POST", url: t.url, headers: { "Content-Type": "application/json" }, body: r.body },
      value: r.value,
      warnings: r.warnings,
    };
  }

  // The PBX's errno, explained; locale tags read as everywhere else (zh, zh-Hans… are zh-CN).
  function explainPbxErrno(errno, options) {
    let locale;
    if (options !== undefined && options !== null) {
      if (typeof options !== "object") throw new TypeError("explainErrno: options must be an object, null or undefined");
      try {
        locale = options.locale;
      } catch (cause) {
        throw new TypeError("options could not be read", { cause });
      }
    }
    return explainErrno(errno, { locale: localeFlag(locale) & ZH_CN ? "zh-CN" : "en" });
  }

  // Standard Schema v1 (https://standardschema.dev): form libraries and validator-agnostic
  // tools take it as they take a zod or valibot schema. Synchronous, like everything here.
  const extensionUpdateSchema = Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: "yeastar-extension-update",
      validate(value) {
        const r = validate(value);
        if (r.ok) return { value: r.value };
        // A whole-input error (field "") has no path: it is about the value itself.
        return { issues: r.errors.map((e) => (e.field ? { message: e.message, path: [e.field] } : { message: e.message })) };
      },
    }),
  });

  return {
    validate, validateJson, validateMany, validateField, buildBody, fields, schema,
    extensionUpdateSchema, fromQuery, diff, request, explainErrno: explainPbxErrno,
  };
}
