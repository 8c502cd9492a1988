// The shared corpus of the benchmark: the four reference payloads S, M, L, E and a
// deterministic generator (seeded PRNG) of payloads that mix valid and invalid values
// across all 38 fields and the cross-field rules R1–R3.
//
//   node bench/corpus.mjs            writes bench/payloads.json ({ S, M, L, E }, read by the Criterion benches)
//   node bench/corpus.mjs --print    also prints a sample of the generated corpus
//
// Exports: S, M, L, E, REFERENCE, EDGES, corpus({ n, seed }), batchOfM(n), mulberry32(seed).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// ---- reference payloads ------------------------------------------------------------------

/** The vendor's sample. */
export const S = { extid: "1002", username: "Amy" };

/** A realistic 10-field form: user details, a forward to the mobile number (R1), a checkbox as a boolean. */
export const M = {
  extid: "1002",
  username: "Amy Tang",
  callerid: "1002",
  email: "amy.tang@example.com",
  mobile: "15551234567",
  maxregistrations: "3",
  hasvoicemail: "on",
  noanswerforward: "on",
  ntransferto: "Mobile Number",
  dnd: true,
};

/** All 38 fields, valid, R1–R3 all exercised. */
export const L = {
  extid: "1002",
  extnumber: "1003",
  username: "Amy Tang",
  callerid: "Amy",
  registername: "amy1002",
  registerpassword: "xMn5W4Gs",
  maxregistrations: "2",
  loginpassword: "Lg9!kq#Zp2",
  email: "amy.tang@example.com",
  mobile: "15551234567",
  hasvoicemail: "on",
  enablevmtoemail: "off",
  vmsecret: "1002",
  alwaysforward: "off",
  atransferto: "Voicemail",
  atransferext: "",
  atransferprefix: "",
  atransfernum: "",
  noanswerforward: "on",
  ntransferto: "Custom Number",
  ntransferext: "",
  ntransferprefix: "9",
  ntransfernum: "5550100",
  busyforward: "on",
  btransferto: "Extension",
  btransferext: "1005",
  btransferprefix: "",
  btransfernum: "",
  enablemobile: "on",
  ringsimultaneous: "off",
  mobileprefix: "9",
  allowbeingmonitored: "on",
  monitormode: "Listen",
  ringtimeout: "30",
  maxduration: "Follow System",
  dnd: "off",
  callrestriction: "off",
  agentid: "1002",
};

/** An input with 10 errors (9 fields + the `moblie` typo, which also leaves R1's `mobile` blank). */
export const E = {
  extid: "10a2", // not_digits
  username: "Amy!", // invalid_chars
  registername: "", // blank
  registerpassword: "pass word", // invalid_chars
  maxregistrations: "9", // out_of_range
  loginpassword: "abc", // too_short
  email: "amy@", // invalid_email
  hasvoicemail: "yes", // not_allowed_value
  enablemobile: "on", // → mobile: required_if
  moblie: "15551234567", // unknown_field (did you mean "mobile"?)
};

export const REFERENCE = { S, M, L, E };

/**
 * Hand-picked payloads for the readings of README "Decisions" that a peer is most likely to
 * get wrong (appended to the generated corpus).
 */
export const EDGES = [
  { extid: -0 }, // -0 is 0
  { extid: 2 ** 53 }, // not a safe integer
  { extid: 1.5 },
  { extid: "1002", vmsecret: " 1234" }, // secrets are never trimmed
  { extid: "1002", registerpassword: "   " }, // blank, not invalid_chars
  { extid: "1002", registerpassword: "🔑".repeat(31) }, // 31 characters, 62 UTF-16 units
  { extid: "1002", loginpassword: "🔑".repeat(5) }, // 5 characters: too short
  { extid: "1002", loginpassword: "abcdef\ud800" }, // lone surrogate
  { extid: "1002", loginpassword: "abcdef\u0085" }, // a control character (not JS white space)
  { extid: "1002", username: "\ufeffAmy\ufeff" }, // U+FEFF is trimmed
  { extid: "1002", username: "Amy\u0085" }, // U+0085 is not trimmed (and is Cc)
  { extid: "1002", username: "Ⅻ" }, // letter-number: not a letter
  { extid: "1002", username: "Ⓐ" },
  { extid: "1002", username: "٣" }, // digits are ASCII only
  { extid: "1002", username: "Zoe\u0308" }, // combining mark
  { extid: "1002", username: "𝐀".repeat(31) },
  { extid: "1002", username: "𝐀".repeat(32) },
  { extid: "1002", ringtimeout: "030" }, // enumerations are exact but for letter case
  { extid: "1002", ringtimeout: 30, maxduration: 6000, maxregistrations: 5 },
  { extid: "1002", maxregistrations: "03" },
  { extid: "1002", maxregistrations: "99999999999999999999999" },
  { extid: "1002", maxregistrations: "000" },
  { extid: "1002", monitormode: "DISABLE" },
  { extid: "1002", maxduration: "follow system", dnd: true, callrestriction: false },
  { extid: "1002", email: "a".repeat(242) + "@example.com" }, // 254
  { extid: "1002", email: "a".repeat(243) + "@example.com" }, // 255
  { extid: "1002", moblie: null }, // unknown keys are reported even when null
  { extid: "1002", ExtID: "1" },
  { extid: "1002", enablemobile: "on" }, // R1 without current: mobile must be in the update
  { extid: "1002", enablemobile: "on", mobile: "  " },
  { extid: "1002", enablemobile: "on", mobile: "12a" }, // mobile's own error only
  { extid: "1002", enablemobile: "maybe" }, // an invalid trigger does not fire
  { extid: "1002", alwaysforward: "maybe", atransferto: "Extension" }, // not known to be off: live
  { extid: "1002", alwaysforward: "OFF", atransferto: "Extension" }, // off: not live
  { extid: "1002", busyforward: false, btransferto: "custom number" },
  { extid: "1002", noanswerforward: true, ntransferto: "custom number", ntransfernum: null },
  {}, // extid is required
  { extid: null },
  { extid: "   " },
];

// ---- PRNG --------------------------------------------------------------------------------

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the 10,000-M batch ---------------------------------------------------------------------

const FIRST = ["Amy", "Ina", "José", "Zoë", "Łukasz", "Мария", "李", "Ngozi", "Søren", "Aiyana", "Björk", "Chloé"];
const LAST = ["Tang", "Okafor", "García", "Müller", "Nguyễn", "Kowalski", "Haddad", "Sato", "Ivanova", "O Brien"];

/** `n` distinct M-shaped objects (same 10 fields), varied extid, username, callerid, email and mobile. */
export function batchOfM(n = 10000) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const ext = String(1000 + i);
    out[i] = {
      extid: ext,
      username: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      callerid: ext,
      email: `user${i}@example.com`,
      mobile: String(15550000000 + i),
      maxregistrations: String(1 + (i % 5)),
      hasvoicemail: i % 3 ? "on" : "off",
      noanswerforward: "on",
      ntransferto: i % 4 ? "Mobile Number" : "Voicemail",
      dnd: i % 2 === 0,
    };
  }
  return out;
}

// ---- the generated corpus ----------------------------------------------------------------

const FIELDS = Object.keys(L); // table order

/**
 * `n` payloads from `seed`: [{ name, input }]. Roughly 40% valid. Every field gets valid and
 * invalid values; R1–R3 are driven on purpose; inputs are plain objects (values may be
 * `undefined`), plus a few whole-input errors at the end.
 */
export function corpus({ n = 1200, seed = 0x5eed2024 } = {}) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const chance = (p) => rnd() < p;
  const digits = (len) => {
    let s = "";
    for (let i = 0; i < len; i++) s += String.fromCharCode(48 + int(0, 9));
    return s;
  };
  const fromAlphabet = (alphabet, len) => {
    const cps = [...alphabet];
    let s = "";
    for (let i = 0; i < len; i++) s += pick(cps);
    return s;
  };
  // JS white space (trimmed) — and U+0085, which JS does not trim.
  const SPACE = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028", "\u202f"];
  const pad = (s) => (chance(0.2) ? pick(SPACE) + s + (chance(0.5) ? pick(SPACE) : "") : s);
  const blank = () => pick(["", " ", "   ", "\t", "\n \u00a0", "\u3000", "\ufeff"]);
  const anyCase = (s) => {
    switch (int(0, 3)) {
      case 0:
        return s;
      case 1:
        return s.toLowerCase();
      case 2:
        return s.toUpperCase();
      default:
        return [...s].map((c) => (chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("");
    }
  };
  const wrongType = () => pick([{}, [], [1], { v: "1" }, 1.5, -1, NaN, Infinity, 2 ** 53, -(2 ** 60), true, false]);

  const NAMES_OK = [
    "Amy", "Ina Tang", "José", "Zoë", "Zoe\u0308", "李小龙", "Мария Иванова", "محمد", "אבי", "ñandú",
    "नमस्ते", "สมชาย", "Nguyễn Văn A", "Ō", "1002", "Amy 2", "𝐀𝐦𝐲", "ǅemal", "ʻOla", "Ægir",
    "क्षत्रिय", "e\u0301\u0301\u0301", "한국어", "ひらがな", "カタカナ", "ß",
  ];
  const NAMES_BAD = [
    "Amy!", "Amy_Tang", "Amy-Tang", "O'Brien", "Ⅻ", "Ⓐ", "😀", "٣", "Amy\tTang", "Amy\u00a0Tang",
    "Amy\u3000Tang", "a.b", "Amy\u200bTang", "Amy\u0000", "١٢٣", "Amy\ud800", "\ud83d", "½", "²",
  ];
  const EMAILS_OK = [
    "amy@example.com", "Amy.Tang+pbx@Example.co.uk", "a@b", "x@localhost", "user.name@sub-domain.example",
    "o'brien@example.ie", "#!$%&'*+/=?^_`{}|~-@example.org", "a@1.2.3.4", ".dots.@example.com", "a@" + "x".repeat(63),
  ];
  const EMAILS_BAD = [
    "amy", "amy@", "@x.com", "amy@-x.com", "amy@x-.com", "amy@x..com", "amy@x.com.", "ámy@x.com",
    "amy @x.com", "amy@" + "x".repeat(64) + ".com", "a@b@c", "amy@exa_mple.com", "amy@[127.0.0.1]",
    "\"amy\"@x.com", "amy@xn--bcher-kva.ch.", "amy@x.c\u00f6m",
  ];
  const PASSWORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%()*+,-./:=?@[]^_{}~äöüß€密🔑";
  const FORBIDDEN = [";", "&", '"', "'", "`", "\\", "<", ">", "|", " ", "\t", "\n", "\u00a0", "\u3000", "\ufeff", "\u2028", "\u0000", "\u007f", "\u0085", "\u009f", "\ud800", "\udc00"];
  const withBad = (s) => {
    const i = int(0, s.length);
    return s.slice(0, i) + pick(FORBIDDEN) + s.slice(i);
  };

  // Per-kind [valid(), invalid()] generators.
  const G = {
    ext: [
      () => pick([() => pad(digits(int(1, 6))), () => digits(31), () => int(0, 99999), () => -0, () => Number.MAX_SAFE_INTEGER, () => "0042"])(),
      () => pick(["", "  ", "10a2", "１２３", "٣٣", digits(32), -1, 1.5, 2 ** 53, NaN, true, {}, [], "1 002", "+1002", "1e3", "\ud800"]),
    ],
    forwardExt: [
      () => pick([() => pad(digits(int(1, 6))), blank, () => digits(31), () => int(0, 99999), () => ""])(),
      () => pick(["10a2", "１２３", digits(32), -5, 1.5, true, {}, "1 002", "ext1"]),
    ],
    name: [
      () => pick([() => pad(pick(NAMES_OK)), () => anyCase(pick(NAMES_OK)), () => "", blank, () => "𝐀".repeat(31), () => "Amy".padEnd(31, "y"), () => "e\u0301".repeat(15)])(),
      () => pick([() => pick(NAMES_BAD), () => "Amy".padEnd(32, "y"), () => "𝐀".repeat(32), () => "e\u0301".repeat(16), () => 5, () => true, () => ["Amy"]])(),
    ],
    token: [
      () => pad(fromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", int(1, 31))),
      () => pick(["", "  ", "reg-name", "ñame", "reg name", "a".repeat(32), 5, true, "reg_1", "\u0130stanbul"]),
    ],
    registerpassword: [
      () => pick([() => fromAlphabet(PASSWORD_CHARS, int(1, 31)), () => "xMn5W4Gs", () => "🔑".repeat(31), () => "p"])(),
      () => pick([() => "", () => "   ", () => " lead", () => "trail ", () => withBad(fromAlphabet(PASSWORD_CHARS, int(1, 20))), () => "a".repeat(32), () => "🔑".repeat(32), () => 1234, () => true])(),
    ],
    loginpassword: [
      () => pick([() => fromAlphabet(PASSWORD_CHARS, int(6, 63)), () => "5e12ba8dd1083a7f946e457cf3c18779", () => "🔑".repeat(6), () => "abcdef"])(),
      () => pick([() => "", () => "abc", () => "abcde", () => "🔑".repeat(5), () => "a".repeat(64), () => "      ", () => withBad(fromAlphabet(PASSWORD_CHARS, int(6, 30))), () => 123456, () => true])(),
    ],
    email: [
      () => pick([() => pad(pick(EMAILS_OK)), () => "", blank, () => "a".repeat(242) + "@example.com", () => `u${int(0, 999)}@example.com`])(),
      () => pick([() => pick(EMAILS_BAD), () => "a".repeat(243) + "@example.com", () => 5, () => true])(),
    ],
    digits: (max) => [
      () => pick([() => "", blank, () => pad(digits(int(1, max))), () => digits(max)])(),
      () => pick([() => "+1555", () => "555-1234", () => digits(max + 1), () => int(0, 999), () => "１２", () => "12 34", () => "12\u0085", () => "x"])(),
    ],
    vmsecret: [
      () => pick(["", "1234", "0000", digits(63), digits(int(1, 10))]),
      () => pick([" 1234", "1234 ", "12a4", digits(64), 1234, "   ", "\u00a0", "１２"]),
    ],
    toggle: [
      () => pick([() => pad(anyCase(pick(["on", "off"]))), () => pick([true, false])])(),
      () => pick(["", " ", "yes", "1", 1, 0, "enabled", "o n", "öff", "On\u0000", "ON.", "true", {}]),
    ],
    destination: [
      () => pad(anyCase(pick(["Voicemail", "Extension", "Mobile Number", "Custom Number"]))),
      () => pick(["Mobile", "mobile  number", "MobileNumber", "", " ", 1, "Voicemail2", "Extensión", "Custom-Number", true]),
    ],
    monitormode: [
      () => pad(anyCase(pick(["Disabled", "Extensive", "Listen", "Whisper", "Barge-in", "Disable"]))),
      () => pick(["Barge in", "Disables", "", "Disabled.", 0, "bargein", "Off", true]),
    ],
    ringtimeout: [
      () => pick([() => pad(pick(["15", "30", "60", "120", "300"])), () => pick([15, 30, 60, 120, 300])])(),
      () => pick(["030", "45", 45, "", "thirty", 30.5, -30, "15s", "3e1", 0, true]),
    ],
    maxduration: [
      () => pick([() => pad(anyCase(pick(["Follow System", "Unlimited"]))), () => pick(["60", "300", "600", "900", "1800", "3600", "6000"]), () => pick([60, 300, 6000])])(),
      () => pick(["Follow  System", "0", 0, "7200", "FollowSystem", "", "060", 60.5, "unlimited!", false]),
    ],
    maxregistrations: [
      () => pick([() => pad(String(int(1, 5))), () => "03", () => "0005", () => int(1, 5)])(),
      () => pick(["0", "6", 0, 6, "", " ", "abc", "1.0", -1, 2.5, true, "99999999999999999999999", "٣", "00"]),
    ],
  };
  const KIND = {
    extid: G.ext, extnumber: G.ext, username: G.name, callerid: G.name, registername: G.token,
    registerpassword: G.registerpassword, maxregistrations: G.maxregistrations, loginpassword: G.loginpassword,
    email: G.email, mobile: G.digits(31), vmsecret: G.vmsecret, agentid: G.digits(31), monitormode: G.monitormode,
    ringtimeout: G.ringtimeout, maxduration: G.maxduration,
    atransferprefix: G.digits(7), ntransferprefix: G.digits(7), btransferprefix: G.digits(7), mobileprefix: G.digits(7),
    atransfernum: G.digits(15), ntransfernum: G.digits(15), btransfernum: G.digits(15),
    atransferext: G.forwardExt, ntransferext: G.forwardExt, btransferext: G.forwardExt,
  };
  for (const f of FIELDS) {
    if (KIND[f]) continue;
    KIND[f] = /transferto$/.test(f) ? G.destination : G.toggle;
  }
  const valid = (f) => KIND[f][0]();
  const invalid = (f) => KIND[f][1]();
  const UNKNOWN = ["moblie", "ExtID", "Extid", "user_name", "language", "status", "type", "dnd ", "", "ringtimeout2", "toString", "hasOwnProperty", "émail", "port", "mobile\u200b"];

  // Cross-field scenarios: a trigger and the field it needs, in every state.
  const needState = (f) => {
    switch (int(0, 5)) {
      case 0:
        return undefined; // absent (key not set)
      case 1:
        return "";
      case 2:
        return blank();
      case 3:
        return null;
      case 4:
        return valid(f);
      default:
        return invalid(f);
    }
  };
  const switchState = () => pick([undefined, "on", "off", "OFF", " On ", true, false, "maybe", null]);
  const FORWARDS = [
    ["alwaysforward", "atransferto", "atransferext", "atransfernum"],
    ["noanswerforward", "ntransferto", "ntransferext", "ntransfernum"],
    ["busyforward", "btransferto", "btransferext", "btransfernum"],
  ];
  const cross = (o) => {
    if (chance(0.4)) {
      o.enablemobile = pick(["on", "ON", true, "off", false, "maybe"]);
      const m = needState("mobile");
      if (m !== undefined) o.mobile = m;
      else delete o.mobile;
    }
    for (const [sw, to, ext, num] of FORWARDS) {
      if (!chance(0.5)) continue;
      const s = switchState();
      if (s !== undefined) o[sw] = s;
      const dest = pick(["Mobile Number", "Custom Number", "Extension", "Voicemail"]);
      o[to] = chance(0.85) ? pad(anyCase(dest)) : invalid(to);
      const target = { "Custom Number": num, Extension: ext }[dest] ?? "mobile";
      const v = needState(target);
      if (v !== undefined) o[target] = v;
      else delete o[target];
    }
  };

  const shuffle = (keys) => {
    for (let i = keys.length - 1; i > 0; i--) {
      const j = int(0, i);
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    return keys;
  };

  const out = [];
  for (let i = 0; i < n; i++) {
    const mode = pick(["valid", "valid", "valid", "faulty", "faulty", "cross", "cross", "full"]);
    let o = {};
    const size = mode === "full" ? FIELDS.length : chance(0.5) ? int(1, 6) : int(1, FIELDS.length);
    const chosen = mode === "full" ? FIELDS.slice() : shuffle(FIELDS.slice(1)).slice(0, size - 1);
    o.extid = valid("extid");
    for (const f of chosen) if (f !== "extid") o[f] = chance(0.04) ? pick([null, undefined]) : valid(f);
    if (mode === "cross" || (mode === "full" && chance(0.5))) cross(o);
    if (mode === "faulty" || (mode === "full" && chance(0.5))) {
      const faults = int(1, 4);
      for (let k = 0; k < faults; k++) {
        const what = rnd();
        if (what < 0.7) {
          const f = pick(FIELDS);
          o[f] = invalid(f);
        } else if (what < 0.85) {
          o[pick(UNKNOWN)] = chance(0.3) ? null : pick(["", "15551234567", 1, undefined]);
        } else if (what < 0.95) {
          o.extid = pick([undefined, null]);
          if (chance(0.5)) delete o.extid;
        } else {
          o.mobile = pick([5, "15551234567", null]);
        }
      }
    }
    if (chance(0.5)) {
      // The order of keys must not matter.
      const shuffled = {};
      for (const k of shuffle(Object.keys(o))) shuffled[k] = o[k];
      o = shuffled;
    }
    out.push({ name: `gen#${i} (${mode})`, input: o });
  }
  EDGES.forEach((input, i) => out.push({ name: `edge#${i}`, input }));
  for (const [name, input] of [["null", null], ["array", []], ["array of one object", [S]], ["string", "1002"], ["number", 1002]]) {
    out.push({ name: `whole input: ${name}`, input });
  }
  return out;
}

// `node bench/corpus.mjs`: write payloads.json (and print a sample with --print).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = fileURLToPath(new URL("./payloads.json", import.meta.url));
  writeFileSync(file, JSON.stringify(REFERENCE, null, 2) + "\n");
  console.log(`wrote ${file}`);
  if (process.argv.includes("--print")) {
    for (const { name, input } of corpus().slice(0, 20)) console.log(name, JSON.stringify(input));
  }
}
