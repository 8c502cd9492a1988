// Peer 4: a hand-written validator in plain JavaScript, no library.
//
// The same rules as yeastar-extension-update (SPEC §2–§4 as its README's
// "Decisions" read them), written the way a dashboard developer who wants it
// fast would: one table of field → check function, regexes compiled once, one
// pass over the table, R1–R3 on the normalised values, the body built with
// JSON.stringify of an object whose keys are in table order.
//
// validate(input) → { ok: true, body, value } | { ok: false, errors: [{ field, code }] }
// The codes follow the package's codes (SPEC §4) so the agreement check can compare them.

const DIGITS = /^[0-9]*$/;
const NAME = /^[\p{L}\p{M}0-9 ]*$/u;
const TOKEN = /^[A-Za-z0-9]*$/;
// `; & " ' ` \ < > |`, JS white space, control characters.
const PASSWORD_BAD = /[;&"'`\\<>|\s\p{Cc}]/u;
// WHATWG "valid e-mail address" (<input type=email>).
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

// Failures are shared frozen objects; a check returns a string (the body value) or one of these.
const fail = (code) => Object.freeze({ code });
const WRONG_TYPE = fail("wrong_type");
const BLANK = fail("blank");
const NOT_DIGITS = fail("not_digits");
const INVALID_CHARS = fail("invalid_chars");
const TOO_LONG = fail("too_long");
const TOO_SHORT = fail("too_short");
const OUT_OF_RANGE = fail("out_of_range");
const NOT_ALLOWED = fail("not_allowed_value");
const INVALID_EMAIL = fail("invalid_email");

// Lengths count characters (code points), not UTF-16 units.
function chars(s) {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
const longer = (s, max) => s.length > max && chars(s) > max;

// String, or a non-negative safe integer where the field takes numbers.
function text(v, numbers) {
  if (typeof v === "string") return v.trim();
  if (numbers && typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  return WRONG_TYPE;
}

function extNumber(v) {
  const s = text(v, true);
  if (typeof s !== "string") return s;
  if (s === "") return BLANK;
  if (!DIGITS.test(s)) return NOT_DIGITS;
  return s.length > 31 ? TOO_LONG : s;
}

const digits = (max, numbers = false) => (v) => {
  const s = text(v, numbers);
  if (typeof s !== "string") return s;
  if (!DIGITS.test(s)) return NOT_DIGITS;
  return s.length > max ? TOO_LONG : s;
};

function name(v) {
  if (typeof v !== "string") return WRONG_TYPE;
  const s = v.trim();
  if (!NAME.test(s)) return INVALID_CHARS;
  return longer(s, 31) ? TOO_LONG : s;
}

function registername(v) {
  if (typeof v !== "string") return WRONG_TYPE;
  const s = v.trim();
  if (s === "") return BLANK;
  if (!TOKEN.test(s)) return INVALID_CHARS;
  return s.length > 31 ? TOO_LONG : s;
}

// Secrets are never trimmed or altered.
function registerpassword(v) {
  if (typeof v !== "string") return WRONG_TYPE;
  if (v.trim() === "") return BLANK;
  if (PASSWORD_BAD.test(v)) return INVALID_CHARS;
  return longer(v, 31) ? TOO_LONG : v;
}

function loginpassword(v) {
  if (typeof v !== "string") return WRONG_TYPE;
  if (PASSWORD_BAD.test(v)) return INVALID_CHARS;
  if (longer(v, 63)) return TOO_LONG;
  return v.length < 6 || chars(v) < 6 ? TOO_SHORT : v;
}

function vmsecret(v) {
  if (typeof v !== "string") return WRONG_TYPE;
  if (!DIGITS.test(v)) return NOT_DIGITS;
  return v.length > 63 ? TOO_LONG : v;
}

function email(v) {
  if (typeof v !== "string") return WRONG_TYPE;
  const s = v.trim();
  if (s !== "" && !EMAIL.test(s)) return INVALID_EMAIL;
  return s.length > 254 ? TOO_LONG : s;
}

function maxregistrations(v) {
  const s = text(v, true);
  if (typeof s !== "string") return s;
  if (s === "") return BLANK;
  if (!DIGITS.test(s)) return NOT_DIGITS;
  const n = s.replace(/^0+/, ""); // "03" → "3": the body carries the number
  return n.length === 1 && n >= "1" && n <= "5" ? n : OUT_OF_RANGE;
}

// Switches and enumerations: any letter case in, the vendor's spelling out.
function oneOf(values, aliases = {}, numbers = false) {
  const byLower = new Map(values.map((x) => [x.toLowerCase(), x]));
  for (const [alias, value] of Object.entries(aliases)) byLower.set(alias.toLowerCase(), value);
  return (v) => {
    const s = text(v, numbers);
    if (typeof s !== "string") return s;
    return byLower.get(s.toLowerCase()) ?? NOT_ALLOWED;
  };
}

const onOff = oneOf(["on", "off"]);
function toggle(v) {
  if (v === true) return "on";
  if (v === false) return "off";
  return onOff(v);
}
const destination = oneOf(["Voicemail", "Extension", "Mobile Number", "Custom Number"]);

// Table order = body order.
const FIELDS = [
  ["extid", extNumber],
  ["extnumber", extNumber],
  ["username", name],
  ["callerid", name],
  ["registername", registername],
  ["registerpassword", registerpassword],
  ["maxregistrations", maxregistrations],
  ["loginpassword", loginpassword],
  ["email", email],
  ["mobile", digits(31)],
  ["hasvoicemail", toggle],
  ["enablevmtoemail", toggle],
  ["vmsecret", vmsecret],
  ["alwaysforward", toggle],
  ["atransferto", destination],
  ["atransferext", digits(31, true)],
  ["atransferprefix", digits(7)],
  ["atransfernum", digits(15)],
  ["noanswerforward", toggle],
  ["ntransferto", destination],
  ["ntransferext", digits(31, true)],
  ["ntransferprefix", digits(7)],
  ["ntransfernum", digits(15)],
  ["busyforward", toggle],
  ["btransferto", destination],
  ["btransferext", digits(31, true)],
  ["btransferprefix", digits(7)],
  ["btransfernum", digits(15)],
  ["enablemobile", toggle],
  ["ringsimultaneous", toggle],
  ["mobileprefix", digits(7)],
  ["allowbeingmonitored", toggle],
  ["monitormode", oneOf(["Disabled", "Extensive", "Listen", "Whisper", "Barge-in"], { Disable: "Disabled" })],
  ["ringtimeout", oneOf(["15", "30", "60", "120", "300"], {}, true)],
  [
    "maxduration",
    oneOf(["Follow System", "Unlimited", "60", "300", "600", "900", "1800", "3600", "6000"], {}, true),
  ],
  ["dnd", toggle],
  ["callrestriction", toggle],
  ["agentid", digits(31)],
];
const KNOWN = new Set(FIELDS.map(([f]) => f));

// Forwarding rules: [switch, destination, extension field, number field].
const FORWARDS = [
  ["alwaysforward", "atransferto", "atransferext", "atransfernum"],
  ["noanswerforward", "ntransferto", "ntransferext", "ntransfernum"],
  ["busyforward", "btransferto", "btransferext", "btransfernum"],
];

const hasOwn = Object.prototype.hasOwnProperty;
const isPlainObject = (x) =>
  x !== null && typeof x === "object" && Object.prototype.toString.call(x) === "[object Object]";

export function validate(input) {
  if (!isPlainObject(input)) return { ok: false, errors: [{ field: "", code: "not_an_object" }] };
  const value = {};
  let errors = null;
  let failed = null; // fields that failed their own checks
  for (let i = 0; i < FIELDS.length; i++) {
    const [field, check] = FIELDS[i];
    const v = hasOwn.call(input, field) ? input[field] : undefined;
    if (v === undefined || v === null) {
      if (i === 0) (errors ??= []).push({ field, code: "required" });
      continue;
    }
    // An unpaired UTF-16 surrogate has no UTF-8 form: refused in every field (as the package does).
    const r = typeof v === "string" && !v.isWellFormed() ? INVALID_CHARS : check(v);
    if (typeof r === "string") value[field] = r;
    else {
      (errors ??= []).push({ field, code: r.code });
      (failed ??= new Set()).add(field);
    }
  }

  // R1–R3 on the normalised values. A failed trigger does not fire (it is absent
  // from `value`); a failed switch is not known to be off, so its rule stays live.
  const need = (field, because) => {
    const v = value[field];
    if ((v === undefined || v === "") && !failed?.has(field) && !errors?.some((e) => e.field === field)) {
      (errors ??= []).push({ field, code: "required_if", because });
    }
  };
  if (value.enablemobile === "on") need("mobile", "enablemobile");
  for (const [sw, to, ext, num] of FORWARDS) {
    const dest = value[to];
    if (dest === undefined || value[sw] === "off") continue;
    if (dest === "Mobile Number") need("mobile", to);
    else if (dest === "Custom Number") need(num, to);
    else if (dest === "Extension") need(ext, to);
  }

  for (const key of Object.keys(input)) {
    if (!KNOWN.has(key)) (errors ??= []).push({ field: key, code: "unknown_field" });
  }
  if (errors) return { ok: false, errors };
  return { ok: true, body: JSON.stringify(value), value };
}
