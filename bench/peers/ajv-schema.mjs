// Peer 1 (the library-free part): the JSON Schema (draft 2020-12) of the body and the code
// JSON Schema cannot express: a normalise step before validation (trimming but for secrets,
// numbers and booleans to strings, letter case of switches and enumerations, "03" → "3").
// R1–R3 are if/then in the schema: after normalisation they read the body alone, as the
// package runs them without `current`. ajv.mjs compiles it at run time; size.mjs also
// measures it precompiled with ajv's standalone code.
// ---- the schema -----------------------------------------------------------------------
const digits = (maxLength, minLength = 0) => ({ type: "string", pattern: "^[0-9]*$", minLength, maxLength });
const name = { type: "string", pattern: "^[\\p{L}\\p{M}0-9 ]*$", maxLength: 31 };
// No `; & " ' ` \ < > |`, white space, control character or lone surrogate (\p{Cs}).
const secret = (minLength, maxLength) => ({
  type: "string",
  pattern: "^[^;&\"'`\\\\<>|\\s\\p{Cc}\\p{Cs}]*$",
  minLength,
  maxLength,
});
const oneOf = (values) => ({ type: "string", enum: values });
const SWITCH = ["on", "off"];
const DESTINATION = ["Voicemail", "Extension", "Mobile Number", "Custom Number"];
const MONITOR_MODE = ["Disabled", "Extensive", "Listen", "Whisper", "Barge-in"];
const RING_TIMEOUT = ["15", "30", "60", "120", "300"];
const MAX_DURATION = ["Follow System", "Unlimited", "60", "300", "600", "900", "1800", "3600", "6000"];
const toggle = oneOf(SWITCH);

const properties = {
  extid: digits(31, 1),
  extnumber: digits(31, 1),
  username: name,
  callerid: name,
  registername: { type: "string", pattern: "^[A-Za-z0-9]*$", minLength: 1, maxLength: 31 },
  // Not blank: white space is forbidden anyway, so minLength 1 says it.
  registerpassword: secret(1, 31),
  maxregistrations: oneOf(["1", "2", "3", "4", "5"]),
  loginpassword: secret(6, 63),
  email: {
    type: "string",
    maxLength: 254,
    // WHATWG "valid e-mail address" (<input type=email>), or blank.
    pattern:
      "^$|^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
  },
  mobile: digits(31),
  hasvoicemail: toggle,
  enablevmtoemail: toggle,
  vmsecret: { type: "string", pattern: "^[0-9]*$", maxLength: 63 },
  alwaysforward: toggle,
  atransferto: oneOf(DESTINATION),
  atransferext: digits(31),
  atransferprefix: digits(7),
  atransfernum: digits(15),
  noanswerforward: toggle,
  ntransferto: oneOf(DESTINATION),
  ntransferext: digits(31),
  ntransferprefix: digits(7),
  ntransfernum: digits(15),
  busyforward: toggle,
  btransferto: oneOf(DESTINATION),
  btransferext: digits(31),
  btransferprefix: digits(7),
  btransfernum: digits(15),
  enablemobile: toggle,
  ringsimultaneous: toggle,
  mobileprefix: digits(7),
  allowbeingmonitored: toggle,
  monitormode: oneOf(MONITOR_MODE),
  ringtimeout: oneOf(RING_TIMEOUT),
  maxduration: oneOf(MAX_DURATION),
  dnd: toggle,
  callrestriction: toggle,
  agentid: digits(31),
};

// R1–R3: `field` must not be blank when the condition holds. A forwarding rule is live
// unless its switch is "off".
const notBlank = (field) => ({ required: [field], properties: { [field]: { type: "string", minLength: 1 } } });
const when = (dest, value, sw) => ({
  required: [dest],
  properties: { [dest]: { const: value }, [sw]: { not: { const: "off" } } },
});
const FORWARDS = [
  ["alwaysforward", "atransferto", "atransferext", "atransfernum"],
  ["noanswerforward", "ntransferto", "ntransferext", "ntransfernum"],
  ["busyforward", "btransferto", "btransferext", "btransfernum"],
];
const rules = [{ if: { required: ["enablemobile"], properties: { enablemobile: { const: "on" } } }, then: notBlank("mobile") }];
for (const [sw, to, ext, num] of FORWARDS) {
  rules.push({ if: when(to, "Mobile Number", sw), then: notBlank("mobile") });
  rules.push({ if: when(to, "Custom Number", sw), then: notBlank(num) });
  rules.push({ if: when(to, "Extension", sw), then: notBlank(ext) });
}

export const jsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  required: ["extid"],
  additionalProperties: false,
  properties,
  allOf: rules,
};

// ---- normalisation: what JSON Schema cannot do ------------------------------------------
const SECRETS = new Set(["registerpassword", "loginpassword", "vmsecret"]);
// Fields that take a JS number (a non-negative safe integer) → its decimal string.
const NUMBERS = new Set(["extid", "extnumber", "atransferext", "ntransferext", "btransferext", "maxregistrations", "ringtimeout", "maxduration"]);
// Fields whose values are matched in any letter case → the vendor's spelling.
const CANONICAL = {};
for (const [field, s] of Object.entries(properties)) {
  if (s.enum) CANONICAL[field] = new Map(s.enum.map((x) => [x.toLowerCase(), x]));
}
CANONICAL.monitormode.set("disable", "Disabled");
const FIELDS = Object.keys(properties);

export function normalize(input) {
  const out = {};
  for (const field of FIELDS) {
    let x = input[field];
    if (x === undefined || x === null || !Object.prototype.hasOwnProperty.call(input, field)) continue;
    if (typeof x === "string") {
      if (!SECRETS.has(field)) x = x.trim();
    } else if (typeof x === "number") {
      if (NUMBERS.has(field) && Number.isSafeInteger(x) && x >= 0) x = String(x);
    } else if (typeof x === "boolean") {
      if (properties[field] === toggle) x = x ? "on" : "off";
    }
    if (typeof x === "string") {
      const canonical = CANONICAL[field];
      if (canonical) {
        if (field === "maxregistrations" && /^[0-9]+$/.test(x)) x = x.replace(/^0+(?=[0-9])/, "");
        x = canonical.get(x.toLowerCase()) ?? x;
      }
    }
    out[field] = x;
  }
  // Unknown keys stay, for additionalProperties to report (null values too).
  for (const key of Object.keys(input)) if (!Object.prototype.hasOwnProperty.call(properties, key)) out[key] = input[key];
  return out;
}

export const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

/** ajv's errors → one { field, code } per failing field. */
export function fieldErrors(ajvErrors) {
  const errors = [];
  const seen = new Set();
  for (const e of ajvErrors) {
    if (e.keyword === "if") continue; // the failing `then` is reported on its field
    const field =
      e.keyword === "required"
        ? e.params.missingProperty
        : e.keyword === "additionalProperties"
          ? e.params.additionalProperty
          : e.instancePath.slice(1).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!seen.has(field)) {
      seen.add(field);
      errors.push({ field, code: e.keyword });
    }
  }
  return errors;
}

/** The peer around a compiled ajv validate function (runtime-compiled or standalone). */
export function makeValidate(check) {
  return function validate(input) {
    if (!isPlainObject(input)) return { ok: false, errors: [{ field: "", code: "type" }] };
    const data = normalize(input);
    if (check(data)) return { ok: true, body: JSON.stringify(data), value: data };
    return { ok: false, errors: fieldErrors(check.errors) };
  };
}

