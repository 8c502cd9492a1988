// Peer 3: valibot 1, one schema: pipes with transforms for the normalisations,
// `forward(partialCheck(...))` for the cross-field rules R1–R3.
//
// The same rules as yeastar-extension-update (SPEC §2–§4 as its README's
// "Decisions" read them). validate(input) → { ok: true, body, value } | { ok: false, errors: [{ field, code }] }
import * as v from "valibot";

const DIGITS = /^[0-9]*$/;
const NAME = /^[\p{L}\p{M}0-9 ]*$/u;
const TOKEN = /^[A-Za-z0-9]+$/;
// No `; & " ' ` \ < > |`, white space, control character or lone surrogate.
const PASSWORD = /^[^;&"'`\\<>|\s\p{Cc}\p{Cs}]*$/u;

// valibot's minLength/maxLength count UTF-16 units; the rules count characters (code points).
const chars = (s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
const maxChars = (max) => v.check((s) => s.length <= max || chars(s) <= max, "too long");
const minChars = (min) =>
  v.check((s) => s.length >= min && (s.length <= min * 2 ? chars(s) >= min : true), "too short");

// A string (trimmed), or a non-negative safe integer where the field takes numbers → decimal string.
const stringOrUint = v.union([
  v.pipe(v.string(), v.trim()),
  v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.transform(String)),
]);

// Any letter case in, the vendor's spelling out.
const oneOf = (values, aliases = {}) => {
  const byLower = new Map(values.map((x) => [x.toLowerCase(), x]));
  for (const [a, x] of Object.entries(aliases)) byLower.set(a.toLowerCase(), x);
  return [v.transform((s) => byLower.get(s.toLowerCase()) ?? s), v.picklist(values)];
};

const extNumber = v.pipe(stringOrUint, v.nonEmpty("blank"), v.regex(DIGITS), v.maxLength(31));
const forwardExt = v.pipe(stringOrUint, v.regex(DIGITS), v.maxLength(31));
const digits = (max) => v.pipe(v.string(), v.trim(), v.regex(DIGITS), v.maxLength(max));
const name = v.pipe(v.string(), v.trim(), v.regex(NAME), maxChars(31));
const toggle = v.union([
  v.pipe(
    v.boolean(),
    v.transform((b) => (b ? "on" : "off"))
  ),
  v.pipe(v.string(), v.trim(), v.toLowerCase(), v.picklist(["on", "off"])),
]);
const destination = v.pipe(v.string(), v.trim(), ...oneOf(["Voicemail", "Extension", "Mobile Number", "Custom Number"]));
// Secrets are never trimmed.
const secret = (min, max) => [v.regex(PASSWORD), maxChars(max), minChars(min)];

const entries = {
  extid: extNumber,
  extnumber: v.nullish(extNumber),
  username: v.nullish(name),
  callerid: v.nullish(name),
  registername: v.nullish(v.pipe(v.string(), v.trim(), v.regex(TOKEN), v.maxLength(31))),
  registerpassword: v.nullish(
    v.pipe(
      v.string(),
      v.check((s) => s.trim() !== "", "blank"),
      ...secret(1, 31)
    )
  ),
  maxregistrations: v.nullish(
    v.pipe(
      stringOrUint,
      v.regex(/^[0-9]+$/),
      v.transform((s) => s.replace(/^0+(?=[0-9])/, "")),
      v.picklist(["1", "2", "3", "4", "5"])
    )
  ),
  loginpassword: v.nullish(v.pipe(v.string(), ...secret(6, 63))),
  email: v.nullish(
    v.pipe(
      v.string(),
      v.trim(),
      v.union([
        v.literal(""),
        v.pipe(
          v.string(),
          v.regex(
            /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/
          ),
          v.maxLength(254)
        ),
      ])
    )
  ),
  mobile: v.nullish(digits(31)),
  hasvoicemail: v.nullish(toggle),
  enablevmtoemail: v.nullish(toggle),
  vmsecret: v.nullish(v.pipe(v.string(), v.regex(DIGITS), v.maxLength(63))),
  alwaysforward: v.nullish(toggle),
  atransferto: v.nullish(destination),
  atransferext: v.nullish(forwardExt),
  atransferprefix: v.nullish(digits(7)),
  atransfernum: v.nullish(digits(15)),
  noanswerforward: v.nullish(toggle),
  ntransferto: v.nullish(destination),
  ntransferext: v.nullish(forwardExt),
  ntransferprefix: v.nullish(digits(7)),
  ntransfernum: v.nullish(digits(15)),
  busyforward: v.nullish(toggle),
  btransferto: v.nullish(destination),
  btransferext: v.nullish(forwardExt),
  btransferprefix: v.nullish(digits(7)),
  btransfernum: v.nullish(digits(15)),
  enablemobile: v.nullish(toggle),
  ringsimultaneous: v.nullish(toggle),
  mobileprefix: v.nullish(digits(7)),
  allowbeingmonitored: v.nullish(toggle),
  monitormode: v.nullish(
    v.pipe(v.string(), v.trim(), ...oneOf(["Disabled", "Extensive", "Listen", "Whisper", "Barge-in"], { Disable: "Disabled" }))
  ),
  ringtimeout: v.nullish(v.pipe(stringOrUint, v.picklist(["15", "30", "60", "120", "300"]))),
  maxduration: v.nullish(
    v.pipe(stringOrUint, ...oneOf(["Follow System", "Unlimited", "60", "300", "600", "900", "1800", "3600", "6000"]))
  ),
  dnd: v.nullish(toggle),
  callrestriction: v.nullish(toggle),
  agentid: v.nullish(digits(31)),
};

const isBlank = (x) => x === undefined || x === null || (typeof x === "string" && x.trim() === "");

// `field` must not be blank when `fires(o)`. partialCheck runs as long as the paths it
// names are valid, whatever else failed: a failed trigger or a failed `field` skips it.
// The forwarding switch is read but not named: a failed switch is not known to be off.
const requiredIf = (field, trigger, fires) =>
  v.forward(
    v.partialCheck([[trigger], [field]], (o) => !(fires(o) && isBlank(o[field])), "required"),
    [field]
  );
const forward = (sw, to, ext, num) => [
  requiredIf("mobile", to, (o) => o[sw] !== "off" && o[to] === "Mobile Number"),
  requiredIf(num, to, (o) => o[sw] !== "off" && o[to] === "Custom Number"),
  requiredIf(ext, to, (o) => o[sw] !== "off" && o[to] === "Extension"),
];

const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

export const schema = v.pipe(
  v.custom(isPlainObject, "not an object"),
  // objectWithRest + never: every unknown key is an issue (strictObject reports the first only).
  v.objectWithRest(entries, v.never()),
  requiredIf("mobile", "enablemobile", (o) => o.enablemobile === "on"),
  ...forward("alwaysforward", "atransferto", "atransferext", "atransfernum"),
  ...forward("noanswerforward", "ntransferto", "ntransferext", "ntransfernum"),
  ...forward("busyforward", "btransferto", "btransferext", "btransfernum"),
  // null means "not given": leave it out of the body.
  v.transform((o) => {
    for (const k in o) if (o[k] === null || o[k] === undefined) delete o[k];
    return o;
  })
);

export function validate(input) {
  const r = v.safeParse(schema, input);
  if (r.success) return { ok: true, body: JSON.stringify(r.output), value: r.output };
  const errors = [];
  const seen = new Set();
  for (const issue of r.issues) {
    const field = issue.path?.length ? String(issue.path[0].key) : "";
    if (!seen.has(field)) {
      seen.add(field);
      errors.push({ field, code: issue.type });
    }
  }
  return { ok: false, errors };
}
