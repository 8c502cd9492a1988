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

// The options object → [currentJson, flags]; misuse throws a TypeError.
// Unknown keys are ignored on purpose (later versions add more options).
const NO_OPTIONS = ["", 0];
function readOptions(options) {
  if (options === undefined || options === null) return NO_OPTIONS;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError("options must be an object, null or undefined");
  }
  let current, unknownFields;
  try {
    current = options.current;
    unknownFields = options.unknownFields;
  } catch (cause) {
    throw new TypeError("options could not be read", { cause });
  }
  let flags = 0;
  if (unknownFields === "strip") flags |= STRIP;
  else if (unknownFields !== undefined && unknownFields !== "error") {
    throw new TypeError('options.unknownFields must be "error", "strip" or undefined');
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
  return flags === 0 && currentJson === "" ? NO_OPTIONS : [currentJson, flags];
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

// Result text of the core → result object. `{` = success (the text is the body).
function toResult(text) {
  return text.charCodeAt(0) === 123
    ? { ok: true, body: text, value: JSON.parse(text) }
    : { ok: false, errors: JSON.parse(text) };
}

/** Builds the public API around the wasm-bindgen exports (`validate`, `validateMany`, `validateField`, `fields`, `schema`). */
export function createApi(wasm) {
  let fieldsText, schemaText; // cached: the table never changes at run time

  function validate(input, options) {
    const [current, flags] = readOptions(options);
    // "null" makes the core report `not_an_object`.
    return toResult(wasm.validate(encodeObject(input, false) ?? "null", current, flags));
  }

  function validateJson(text, options) {
    if (typeof text !== "string") throw new TypeError("validateJson expects a string");
    const [current, flags] = readOptions(options);
    return toResult(wasm.validate(escapeLoneSurrogates(text), current, flags));
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
    const [current, flags] = readOptions(options);
    const out = wasm.validateMany(text, current, flags);
    return out === "" ? [] : out.split("\n").map(toResult);
  }

  function validateField(field, value, options) {
    if (typeof field !== "string") throw new TypeError("validateField expects a field name string");
    const [current, flags] = readOptions(options);
    return JSON.parse(wasm.validateField(field, JSON.stringify(encodeValue(value)), current, flags));
  }

  function buildBody(input, options) {
    const r = validate(input, options);
    if (r.ok) return r.body;
    throw new ValidationError(r.errors);
  }

  // Fresh copies each call, so a caller may mutate what it gets.
  function fields() {
    if (fieldsText === undefined) fieldsText = wasm.fields();
    return JSON.parse(fieldsText);
  }

  function schema() {
    if (schemaText === undefined) schemaText = wasm.schema();
    return JSON.parse(schemaText);
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

  return { validate, validateJson, validateMany, validateField, buildBody, fields, schema, extensionUpdateSchema };
}
