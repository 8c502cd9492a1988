// Peer 2: zod 4, one schema with transforms for the normalisations and a
// superRefine for the cross-field rules R1–R3.
//
// The same rules as yeastar-extension-update (SPEC §2–§4 as its README's
// "Decisions" read them). validate(input) → { ok: true, body, value } | { ok: false, errors: [{ field, code }] }
import * as z from "zod";

const DIGITS = /^[0-9]*$/;
const NAME = /^[\p{L}\p{M}0-9 ]*$/u;
const TOKEN = /^[A-Za-z0-9]+$/;
// No `; & " ' ` \ < > |`, white space, control character or lone surrogate.
const PASSWORD = /^[^;&"'`\\<>|\s\p{Cc}\p{Cs}]*$/u;

// zod's .min/.max count UTF-16 units; the rules count characters (code points).
const chars = (s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
const maxChars = (max) => (s) => s.length <= max || chars(s) <= max;
const minChars = (min) => (s) => s.length >= min && (s.length <= min * 2 ? chars(s) >= min : true);

// A non-negative safe integer, where the field takes numbers → decimal string.
const uint = z.int().nonnegative().transform(String);
const stringOrUint = z.union([z.string().trim(), uint]);

// Any letter case in, the vendor's spelling out.
const oneOf = (values, aliases = {}) => {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v]));
  for (const [a, v] of Object.entries(aliases)) byLower.set(a.toLowerCase(), v);
  return z
    .string()
    .transform((s) => byLower.get(s.toLowerCase()) ?? s)
    .pipe(z.enum(values));
};

const extNumber = stringOrUint.pipe(z.string().min(1, "blank").regex(DIGITS).max(31));
const forwardExt = stringOrUint.pipe(z.string().regex(DIGITS).max(31));
const digits = (max) => z.string().trim().regex(DIGITS).max(max);
const name = z.string().trim().regex(NAME).refine(maxChars(31), "too long");
const toggle = z.union([
  z.boolean().transform((b) => (b ? "on" : "off")),
  z.string().trim().toLowerCase().pipe(z.enum(["on", "off"])),
]);
const destination = z.string().trim().pipe(oneOf(["Voicemail", "Extension", "Mobile Number", "Custom Number"]));
// Secrets are never trimmed.
const secret = (min, max) =>
  z
    .string()
    .regex(PASSWORD)
    .refine(maxChars(max), "too long")
    .refine(minChars(min), "too short");

const fields = {
  extid: extNumber,
  extnumber: extNumber.nullish(),
  username: name.nullish(),
  callerid: name.nullish(),
  registername: z.string().trim().regex(TOKEN).max(31).nullish(),
  registerpassword: z
    .string()
    .refine((s) => s.trim() !== "", "blank")
    .pipe(secret(1, 31))
    .nullish(),
  maxregistrations: stringOrUint
    .pipe(z.string().regex(/^[0-9]+$/))
    .transform((s) => s.replace(/^0+(?=[0-9])/, ""))
    .pipe(z.enum(["1", "2", "3", "4", "5"]))
    .nullish(),
  loginpassword: secret(6, 63).nullish(),
  email: z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), z.email({ pattern: z.regexes.html5Email }).max(254)]))
    .nullish(),
  mobile: digits(31).nullish(),
  hasvoicemail: toggle.nullish(),
  enablevmtoemail: toggle.nullish(),
  vmsecret: z.string().regex(DIGITS).max(63).nullish(),
  alwaysforward: toggle.nullish(),
  atransferto: destination.nullish(),
  atransferext: forwardExt.nullish(),
  atransferprefix: digits(7).nullish(),
  atransfernum: digits(15).nullish(),
  noanswerforward: toggle.nullish(),
  ntransferto: destination.nullish(),
  ntransferext: forwardExt.nullish(),
  ntransferprefix: digits(7).nullish(),
  ntransfernum: digits(15).nullish(),
  busyforward: toggle.nullish(),
  btransferto: destination.nullish(),
  btransferext: forwardExt.nullish(),
  btransferprefix: digits(7).nullish(),
  btransfernum: digits(15).nullish(),
  enablemobile: toggle.nullish(),
  ringsimultaneous: toggle.nullish(),
  mobileprefix: digits(7).nullish(),
  allowbeingmonitored: toggle.nullish(),
  monitormode: z
    .string()
    .trim()
    .pipe(oneOf(["Disabled", "Extensive", "Listen", "Whisper", "Barge-in"], { Disable: "Disabled" }))
    .nullish(),
  ringtimeout: stringOrUint.pipe(z.enum(["15", "30", "60", "120", "300"])).nullish(),
  maxduration: stringOrUint
    .pipe(oneOf(["Follow System", "Unlimited", "60", "300", "600", "900", "1800", "3600", "6000"]))
    .nullish(),
  dnd: toggle.nullish(),
  callrestriction: toggle.nullish(),
  agentid: digits(31).nullish(),
};

const isBlank = (v) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const FORWARDS = [
  ["alwaysforward", "atransferto", "atransferext", "atransfernum"],
  ["noanswerforward", "ntransferto", "ntransferext", "ntransfernum"],
  ["busyforward", "btransferto", "btransferext", "btransfernum"],
];

export const schema = z
  .strictObject(fields)
  // R1–R3. They must run even when another field failed (every error is reported), hence
  // `when`. A field that failed its own check keeps a value that is never blank, never
  // "on", "off" or a destination, so it neither fires a rule nor gets a second error.
  .superRefine(
    (o, ctx) => {
      const need = (field, because) => {
        if (isBlank(o[field])) ctx.addIssue({ code: "custom", path: [field], message: "required", params: { because } });
      };
      if (o.enablemobile === "on") need("mobile", "enablemobile");
      for (const [sw, to, ext, num] of FORWARDS) {
        const dest = o[to];
        if (o[sw] === "off") continue;
        if (dest === "Mobile Number") need("mobile", to);
        else if (dest === "Custom Number") need(num, to);
        else if (dest === "Extension") need(ext, to);
      }
    },
    { when: (payload) => payload.value !== null && typeof payload.value === "object" && !Array.isArray(payload.value) }
  )
  // null means "not given": leave it out of the body.
  .transform((o) => {
    for (const k in o) if (o[k] === null || o[k] === undefined) delete o[k];
    return o;
  });

export function validate(input) {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, body: JSON.stringify(r.data), value: r.data };
  const errors = [];
  const seen = new Set();
  const add = (field, code) => {
    if (!seen.has(field)) {
      seen.add(field);
      errors.push({ field, code });
    }
  };
  for (const issue of r.error.issues) {
    if (issue.code === "unrecognized_keys") for (const k of issue.keys) add(k, "unknown_field");
    else add(issue.path.length ? String(issue.path[0]) : "", issue.code);
  }
  return { ok: false, errors };
}
