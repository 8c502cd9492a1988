// The request target and the PBX's error codes (pkg-template/pbx.mjs), loaded from
// the template itself: it has no imports and needs no wasm.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import * as pbx from "../../pkg-template/pbx.mjs";
import { toCommonJs } from "../../scripts/build-pkg.mjs";

const { requestTarget, explainErrno } = pbx;

const TOKEN = "tok";
const target = (extra) => ({ host: "pbx.example.com", token: TOKEN, ...extra });
const urlOf = (host, port = 8088, version = "v1.0.0", token = TOKEN) =>
  `https://${host}:${port}/api/${version}/extension/update?token=${token}`;
// [field, code, params?] of each error, for compact expectations.
const codes = (r) => r.errors.map((e) => (e.params ? [e.field, e.code, e.params] : [e.field, e.code]));
const one = (field, code, params) => [params ? [field, code, params] : [field, code]];

// Every error has exactly the package's shape and one sentence of the locale.
function checkErrors(r, locale = "en") {
  assert.deepEqual(Object.keys(r), ["errors"]);
  assert.ok(r.errors.length > 0);
  for (const e of r.errors) {
    assert.deepEqual(Object.keys(e), e.params ? ["field", "code", "message", "params"] : ["field", "code", "message"]);
    assert.match(e.field, /^target\./);
    assert.match(e.message, locale === "zh-CN" ? /。$/ : /\.$/);
  }
  return r;
}

function checkUrl(target, expected) {
  const r = requestTarget(target, "en");
  assert.deepEqual(r, { url: expected });
  const u = new URL(r.url); // what fetch() will do with it
  assert.equal(u.protocol, "https:");
  assert.equal(u.pathname.endsWith("/extension/update"), true);
  return u;
}

describe("requestTarget: host", () => {
  const pass = {
    "PBX.example.com": "pbx.example.com",
    "192.168.5.150": "192.168.5.150",
    "0.0.0.0": "0.0.0.0",
    "255.255.255.255": "255.255.255.255",
    "::1": "[::1]",
    "[fe80::1]": "[fe80::1]",
    "[2001:DB8::1]": "[2001:db8::1]",
    "2001:db8::192.168.0.1": "[2001:db8::192.168.0.1]",
    "::ffff:10.0.0.1": "[::ffff:10.0.0.1]",
    "1:2:3:4:5:6:7:8": "[1:2:3:4:5:6:7:8]",
    "1:2:3:4:5:6:1.2.3.4": "[1:2:3:4:5:6:1.2.3.4]",
    "1:2:3:4:5:6:7::": "[1:2:3:4:5:6:7::]",
    "::": "[::]",
    localhost: "localhost",
    "pbx.example.com.": "pbx.example.com.",
    "  pbx.example.com\t": "pbx.example.com",
    "1pbx.a-b.example": "1pbx.a-b.example",
    "pbx.0x1g": "pbx.0x1g",
    // An internationalised name must be given in punycode (see "pbx.例子" below).
    "xn--fiqs8s.xn--fiqz9s": "xn--fiqs8s.xn--fiqz9s",
    [`${"a".repeat(63)}.example`]: `${"a".repeat(63)}.example`,
    [`${"a.".repeat(126)}b`]: `${"a.".repeat(126)}b`, // 253 characters
    [`${"a.".repeat(126)}b.`]: `${"a.".repeat(126)}b.`, // the trailing dot does not count
  };
  for (const [host, expected] of Object.entries(pass)) {
    test(`${JSON.stringify(host).slice(0, 40)} → ${expected.slice(0, 30)}`, () => {
      const u = checkUrl(target({ host }), urlOf(expected));
      if (!expected.startsWith("[")) assert.equal(u.hostname, expected);
      assert.equal(u.port, "8088");
    });
  }

  const invalid = [
    "pbx:8088", "https://pbx", "pbx/x", "pbx?x", "pbx#x", "user@pbx", "-pbx", "pbx-", "a..b", ".", ".pbx",
    "pbx_1", "pbx host", "pbx.例子", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.4.", "123",
    "pbx.123", "0x7f.0.0.1", "0x", "1.2.3.4:80", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::",
    "::1::", "1::2::3", ":::", ":1::", "12345::", "::g", "1.2.3.4::", "::1.2.3", "fe80::1%eth0", "[::1",
    "::1]", "[::1]:8088", "[]", "[pbx]", "[1.2.3.4]", "pbx\u0000", "pbx\uD800",
    `${"a".repeat(64)}.example`, `${"a.".repeat(126)}bc`, // 254 characters
  ];
  for (const host of invalid) {
    test(`${JSON.stringify(host).slice(0, 40)} → invalid_host`, () => {
      assert.deepEqual(codes(checkErrors(requestTarget(target({ host })))), one("target.host", "invalid_host"));
    });
  }

  test("the message says where the port goes", () => {
    const [e] = requestTarget(target({ host: "pbx:8088" })).errors;
    assert.match(e.message, /without scheme, path or port/);
    assert.match(e.message, /target\.port/);
  });

  const others = [
    [undefined, "required"], [null, "required"], ["", "blank"], ["  \n", "blank"],
    [1, "wrong_type", { expected: "string" }], [true, "wrong_type", { expected: "string" }],
    [["pbx"], "wrong_type", { expected: "string" }], [{}, "wrong_type", { expected: "string" }],
  ];
  for (const [host, code, params] of others) {
    test(`${String(JSON.stringify(host))} → ${code}`, () => {
      assert.deepEqual(codes(checkErrors(requestTarget(target({ host })))), one("target.host", code, params));
    });
  }
  test("no host key at all → required", () => {
    assert.deepEqual(codes(requestTarget({ token: TOKEN })), one("target.host", "required"));
  });
});

describe("requestTarget: port", () => {
  const pass = [[undefined, 8088], [null, 8088], [8088, 8088], ["443", 443], [" 8443 ", 8443], ["0443", 443], [1, 1], [65535, 65535], ["65535", 65535]];
  for (const [port, expected] of pass) {
    test(`${String(JSON.stringify(port))} → ${expected}`, () => {
      const u = checkUrl(target({ port }), urlOf("pbx.example.com", expected));
      assert.equal(u.port, expected === 443 ? "" : String(expected)); // the https default
    });
  }
  const range = { min: 1, max: 65535 };
  const fail = [
    [0, "out_of_range", range], [65536, "out_of_range", range], [8.5, "out_of_range", range], [-1, "out_of_range", range],
    [NaN, "out_of_range", range], [Infinity, "out_of_range", range], ["0", "out_of_range", range], ["65536", "out_of_range", range],
    ["80a", "out_of_range", range], ["-1", "out_of_range", range], ["8.5", "out_of_range", range], ["1e3", "out_of_range", range],
    ["0x50", "out_of_range", range], ["99999999999999999999", "out_of_range", range],
    [true, "wrong_type", { expected: "string or number" }], [8088n, "wrong_type", { expected: "string or number" }],
    [{}, "wrong_type", { expected: "string or number" }], [[8088], "wrong_type", { expected: "string or number" }],
    ["", "blank"], ["  ", "blank"],
  ];
  for (const [port, code, params] of fail) {
    test(`${typeof port === "bigint" ? "8088n" : String(JSON.stringify(port) ?? port)} → ${code}`, () => {
      assert.deepEqual(codes(checkErrors(requestTarget(target({ port })))), one("target.port", code, params));
    });
  }
  test("messages", () => {
    assert.equal(requestTarget(target({ port: 0 })).errors[0].message, "Port must be a number from 1 to 65535.");
    assert.equal(requestTarget(target({ port: true })).errors[0].message, "Port must be a string or number.");
  });
});

describe("requestTarget: version", () => {
  const pass = [[undefined, "v1.0.0"], [null, "v1.0.0"], ["v2", "v2"], [" v1.1.0 ", "v1.1.0"], ["v10.20.30.40", "v10.20.30.40"]];
  for (const [version, expected] of pass) {
    test(`${String(JSON.stringify(version))} → ${expected}`, () => {
      checkUrl(target({ version }), urlOf("pbx.example.com", 8088, expected));
    });
  }
  const fail = [
    ["", "blank"], [" ", "blank"], [1, "wrong_type", { expected: "string" }], [false, "wrong_type", { expected: "string" }],
    ...["1.0.0", "V1.0.0", "v", "v1.", "v.1", "v1..0", "v1.0.0/x", "v1.0.0?x", "v1 .0", "v1.a", "api/v1.0.0"].map((v) => [v, "invalid_version"]),
  ];
  for (const [version, code, params] of fail) {
    test(`${JSON.stringify(version)} → ${code}`, () => {
      assert.deepEqual(codes(checkErrors(requestTarget(target({ version })))), one("target.version", code, params));
    });
  }
  test("message", () => {
    assert.equal(requestTarget(target({ version: "1" })).errors[0].message, "API version must look like v1.0.0.");
  });
});

describe("requestTarget: token", () => {
  test("percent-encoded: nothing in it can change the URL", () => {
    const token = "a/b&c=d#e f+?%";
    const u = checkUrl(target({ token }), urlOf("pbx.example.com", 8088, "v1.0.0", "a%2Fb%26c%3Dd%23e%20f%2B%3F%25"));
    assert.equal(u.searchParams.get("token"), token);
    assert.deepEqual([...u.searchParams.keys()], ["token"]);
    assert.equal(u.hash, "");
  });
  test("sent as given: a secret is never trimmed", () => {
    checkUrl(target({ token: " t " }), urlOf("pbx.example.com", 8088, "v1.0.0", "%20t%20"));
  });
  test("non-ASCII is UTF-8 percent-encoded", () => {
    checkUrl(target({ token: "密" }), urlOf("pbx.example.com", 8088, "v1.0.0", "%E5%AF%86"));
  });
  const fail = [
    [undefined, "required"], [null, "required"], ["", "blank"], [" \t", "blank"],
    [123, "wrong_type", { expected: "string" }], [{}, "wrong_type", { expected: "string" }],
    ["ab\uD800", "invalid_chars"], ["\uDC00ab", "invalid_chars"],
  ];
  for (const [token, code, params] of fail) {
    test(`${String(JSON.stringify(token))} → ${code}`, () => {
      assert.deepEqual(codes(checkErrors(requestTarget(target({ token })))), one("target.token", code, params));
    });
  }
  test("messages", () => {
    assert.equal(requestTarget(target({ token: " " })).errors[0].message, "Token cannot be blank.");
    assert.equal(requestTarget({ host: "pbx" }).errors[0].message, "Token is required.");
    assert.equal(requestTarget(target({ token: "a\uD800" })).errors[0].message, "Token contains a broken character (an unpaired UTF-16 surrogate).");
  });
});

// Every failing case, with a distinctive token and host: neither value ever shows.
const SECRET = "S3cr3t-T0k3n/zq";
const HOST = "zq-private-host";
const failing = [
  { host: HOST + ":8088", token: SECRET },
  { host: `https://${HOST}`, token: SECRET },
  { host: HOST + " x", token: SECRET, port: 0 },
  { host: HOST, token: SECRET, port: "80" + SECRET },
  { host: HOST, token: SECRET, version: SECRET },
  { host: HOST, token: SECRET, extra: 1 },
  { host: HOST, token: SECRET + "\uD800" },
  { host: HOST, token: SECRET, port: true, version: 2 },
  { host: `[${HOST}]`, token: SECRET },
  { token: SECRET },
];

describe("requestTarget: no value in any message or param", () => {
  for (const [i, t] of failing.entries()) {
    for (const locale of ["en", "zh-CN"]) {
      test(`case ${i} (${locale})`, () => {
        const text = JSON.stringify(checkErrors(requestTarget(t, locale), locale).errors);
        assert.equal(text.includes(SECRET), false);
        assert.equal(text.includes("S3cr3t"), false);
        assert.equal(text.includes(HOST), false);
      });
    }
  }
});

describe("requestTarget: unknown keys", () => {
  test("one error each, in input order, after the known fields", () => {
    const r = requestTarget({ https: true, host: "pbx", Host: "x", token: TOKEN, port: 443, tokne: "t" });
    assert.deepEqual(codes(checkErrors(r)), [
      ["target.https", "unknown_field"],
      ["target.Host", "unknown_field"],
      ["target.tokne", "unknown_field"],
    ]);
    assert.equal(r.errors[0].message, '"https" is not a field of the request target.');
  });
  test("the key is shown with at most 40 characters, control characters escaped", () => {
    const long = "k".repeat(41);
    const show = (key) => requestTarget({ ...target(), [key]: 1 }).errors[0];
    assert.equal(show(long).field, "target." + long);
    assert.equal(show(long).message, `"${"k".repeat(40)}…" is not a field of the request target.`);
    assert.equal(show("k".repeat(40)).message, `"${"k".repeat(40)}" is not a field of the request target.`);
    assert.equal(show("a\nb\u0000\u007f\u009b").message, '"a\\u000ab\\u0000\\u007f\\u009b" is not a field of the request target.');
    assert.equal(show("x\uD800").message, '"x\\ud800" is not a field of the request target.');
    // 40 code points, not 40 UTF-16 units: an emoji is never cut in half.
    assert.equal(show("😀".repeat(41)).message, `"${"😀".repeat(40)}…" is not a field of the request target.`);
  });
  test("__proto__ and symbol keys", () => {
    const t = JSON.parse('{"host":"pbx","token":"t","__proto__":1}');
    assert.deepEqual(codes(requestTarget(t)), [["target.__proto__", "unknown_field"]]);
    assert.ok(requestTarget({ ...target(), [Symbol("s")]: 1 }).url, "symbol keys are not fields");
  });
});

describe("requestTarget: errors together", () => {
  test("all reported, in the order host, port, version, token, then unknown keys", () => {
    const r = requestTarget({ zeta: 1, token: null, version: "x", port: 0, host: "", alpha: 2 });
    assert.deepEqual(codes(checkErrors(r)), [
      ["target.host", "blank"],
      ["target.port", "out_of_range", { min: 1, max: 65535 }],
      ["target.version", "invalid_version"],
      ["target.token", "required"],
      ["target.zeta", "unknown_field"],
      ["target.alpha", "unknown_field"],
    ]);
  });
  test("an empty object", () => {
    assert.deepEqual(codes(requestTarget({})), [["target.host", "required"], ["target.token", "required"]]);
  });
  test("the full URL", () => {
    checkUrl({ host: "10.0.0.2", port: "8260", version: "v2.0", token: "abc" }, "https://10.0.0.2:8260/api/v2.0/extension/update?token=abc");
  });
  test("each call gets fresh params objects", () => {
    requestTarget(target({ port: 0 })).errors[0].params.min = 99;
    assert.deepEqual(requestTarget(target({ port: 0 })).errors[0].params, { min: 1, max: 65535 });
  });
});

describe("requestTarget: locale", () => {
  test("zh-CN: other messages, same fields, codes and params", () => {
    for (const t of failing) {
      const en = requestTarget(t, "en");
      const zh = checkErrors(requestTarget(t, "zh-CN"), "zh-CN");
      assert.deepEqual(codes(zh), codes(en));
      en.errors.forEach((e, i) => {
        assert.notEqual(zh.errors[i].message, e.message);
        assert.match(zh.errors[i].message, /[\u4e00-\u9fff]/);
      });
    }
  });
  test("zh-CN examples", () => {
    assert.equal(requestTarget({ token: "t" }, "zh-CN").errors[0].message, "PBX 地址为必填项。");
    assert.equal(requestTarget(target({ port: true }), "zh-CN").errors[0].message, "端口必须是字符串或数字。");
    assert.equal(requestTarget(target({ version: 1 }), "zh-CN").errors[0].message, "API 版本必须是字符串。");
    assert.equal(requestTarget(target({ x: 1 }), "zh-CN").errors[0].message, '"x" 不是请求目标的字段。');
  });
  test("any other locale is English", () => {
    const en = requestTarget({}, "en");
    for (const locale of [undefined, null, "de", "zh", "zh-cn", "ZH-CN", "zh-TW", {}]) assert.deepEqual(requestTarget({}, locale), en);
  });
});

describe("requestTarget: misuse throws a TypeError", () => {
  const throwing = (trap) => new Proxy({ host: "pbx", token: "t" }, { [trap]() { throw new Error(trap); } });
  const cases = {
    undefined: undefined, null: null, string: "pbx", number: 1, array: [{ host: "pbx", token: "t" }],
    Map: new Map([["host", "pbx"], ["token", "t"]]), Date: new Date(0), function: () => {},
    "Proxy (get)": throwing("get"), "Proxy (ownKeys)": throwing("ownKeys"), "Proxy (getOwnPropertyDescriptor)": throwing("getOwnPropertyDescriptor"),
    "throwing getter": { host: "pbx", get token() { throw new Error("getter"); } },
  };
  for (const [name, t] of Object.entries(cases)) {
    test(name, () => assert.throws(() => requestTarget(t, "en"), TypeError));
  }
  test("plain objects of any origin are fine", () => {
    const bare = Object.assign(Object.create(null), { host: "pbx", token: "t" });
    assert.equal(requestTarget(bare).url, urlOf("pbx", 8088, "v1.0.0", "t"));
    assert.equal(requestTarget(new Proxy({ host: "pbx", token: "t" }, {})).url, urlOf("pbx", 8088, "v1.0.0", "t"));
  });
});

// ---------------------------------------------------------------------------

const SPEC_ERRNOS = ["10002", "10003", "10004", "10006", "10007", "10017", "10025", "20000", "20001", "20004", "20005", "20006", "30001"];

describe("explainErrno: the table", () => {
  for (const locale of ["en", "zh-CN"]) {
    test(`every SPEC §6 code is known (${locale})`, () => {
      const rows = SPEC_ERRNOS.map((c) => explainErrno(c, { locale }));
      for (const r of rows) {
        assert.deepEqual(Object.keys(r), ["errno", "known", "message", "hint"]);
        assert.equal(r.known, true);
        assert.ok(r.message && r.hint && r.message !== r.hint);
        assert.match(r.message + r.hint, locale === "en" ? /^[\x20-\x7e…]+$/ : /[\u4e00-\u9fff]/);
      }
      assert.equal(new Set(rows.map((r) => r.message)).size, rows.length, "messages are distinct");
      assert.equal(new Set(rows.map((r) => r.hint)).size, rows.length, "hints are distinct");
    });
  }
  test("zh-CN text differs from English for every code", () => {
    for (const c of SPEC_ERRNOS) {
      const en = explainErrno(c);
      const zh = explainErrno(c, { locale: "zh-CN" });
      assert.notEqual(zh.message, en.message);
      assert.notEqual(zh.hint, en.hint);
    }
  });
  test("the hints say what to do in an extension update", () => {
    const hint = (c, locale = "en") => explainErrno(c, { locale }).hint;
    assert.equal(explainErrno("10006").message, "The extension does not exist.");
    assert.equal(hint("10006"), "Check extid: no extension on the PBX has this number.");
    assert.match(hint("10004"), /extid.*validate the body/);
    assert.match(hint("10025"), /Wait a few seconds/);
    for (const c of ["20004", "20006"]) assert.match(hint(c), /\/api\/\{version\}\/login/);
    assert.match(hint("20006"), /heartbeat/);
    assert.match(hint("20005"), /\?token=/);
    for (const c of ["10002", "20000"]) assert.match(hint(c), /JSON.*Content-Type: application\/json/);
    assert.match(hint("20001"), /POST/);
    assert.match(hint("10003"), /\/api\/\{version\}\/extension\/update/);
    assert.match(hint("10007"), /\/extension\/update/);
    assert.match(hint("10017"), /web interface/);
    assert.match(hint("30001"), /[Rr]etry.*firmware/);
    // The parts a user copies stay as they are in Chinese.
    for (const c of ["20004", "20006"]) assert.match(hint(c, "zh-CN"), /\/api\/\{version\}\/login/);
    assert.match(hint("20005", "zh-CN"), /\?token=/);
    assert.match(hint("10006", "zh-CN"), /extid/);
  });
});

describe("explainErrno: forms of the code", () => {
  const expected = explainErrno("10006");
  const forms = {
    string: "10006", "padded string": " 10006\n", number: 10006, "number 10006.0": 10006.0,
    answer: { status: "Failed", errno: "10006" }, "answer with a number": { status: "Failed", errno: 10006 },
    "answer from JSON": JSON.parse('{"status":"Failed","errno":"10006"}'),
  };
  for (const [name, errno] of Object.entries(forms)) {
    test(name, () => assert.deepEqual(explainErrno(errno), expected));
  }
  test("errno is always a string", () => {
    assert.deepEqual(explainErrno(20005), explainErrno("20005"));
    assert.equal(typeof explainErrno(1).errno, "string");
  });
});

describe("explainErrno: unknown codes", () => {
  test("digits: known false, the code in the message", () => {
    assert.deepEqual(explainErrno("12345"), {
      errno: "12345",
      known: false,
      message: "The PBX answered with error code 12345, which this package does not know.",
      hint: "Check the PBX's API documentation for this code.",
    });
    assert.deepEqual(explainErrno(12345), explainErrno("12345"));
    assert.deepEqual(explainErrno({ errno: " 12345 " }), explainErrno("12345"));
    const zh = explainErrno("12345", { locale: "zh-CN" });
    assert.equal(zh.known, false);
    assert.match(zh.message, /12345/);
    assert.notEqual(zh.message, explainErrno("12345").message);
    assert.equal(explainErrno("1234567890").message.includes("1234567890"), true);
  });
  const noDigits = {
    "": "", "  ": "", abc: "abc", "10006x": "10006x", "12345678901": "12345678901", "-1": "-1", "<b>x</b>": "<b>x</b>",
    constructor: "constructor", __proto__: "__proto__", toString: "toString", " 1 2 ": "1 2",
  };
  for (const [input, errno] of Object.entries(noDigits)) {
    for (const locale of ["en", "zh-CN"]) {
      test(`${JSON.stringify(input)} (${locale}): known false, the value not echoed`, () => {
        const r = explainErrno(input, { locale });
        const generic = explainErrno("x", { locale });
        assert.deepEqual(r, { ...generic, errno });
        assert.equal(r.known, false);
        if (errno) assert.equal(r.message.includes(errno), false);
      });
    }
  }
  test("numbers that are not codes", () => {
    for (const [n, errno] of [[-1, "-1"], [1.5, "1.5"], [NaN, "NaN"], [Infinity, "Infinity"], [1e21, "1e+21"]]) {
      assert.deepEqual(explainErrno(n), { ...explainErrno("x"), errno });
    }
  });
  test("generic wording", () => {
    assert.equal(explainErrno("x").message, "The PBX answered with an error code that this package does not know.");
  });
});

describe("explainErrno: options and misuse", () => {
  test("locale", () => {
    const en = explainErrno("10006");
    for (const o of [undefined, null, {}, { locale: "de" }, { locale: undefined }, { locale: "zh" }]) assert.deepEqual(explainErrno("10006", o), en);
    assert.equal(explainErrno("10006", { locale: "zh-CN" }).message, "分机不存在。");
  });
  const throwing = (trap, t) => new Proxy(t, { [trap]() { throw new Error(trap); } });
  const bad = {
    undefined: [undefined], null: [null], boolean: [true], bigint: [10006n], symbol: [Symbol("10006")], array: [["10006"]],
    Map: [new Map([["errno", "10006"]])], "a success answer": [{ status: "Success" }], "errno null": [{ errno: null }],
    "errno object": [{ errno: { errno: "1" } }], "errno boolean": [{ errno: true }],
    "throwing answer": [throwing("get", { errno: "1" })], "throwing answer keys": [throwing("ownKeys", { errno: "1" })],
    "options string": ["10006", "zh-CN"], "options array": ["10006", ["zh-CN"]],
    "throwing options": ["10006", { get locale() { throw new Error("getter"); } }],
  };
  for (const [name, args] of Object.entries(bad)) {
    test(name, () => assert.throws(() => explainErrno(...args), TypeError));
  }
});

// ---------------------------------------------------------------------------

describe("the module as the build joins it", () => {
  const pbxSource = fs.readFileSync(new URL("../../pkg-template/pbx.mjs", import.meta.url), "utf8");
  const apiSource = fs.readFileSync(new URL("../../pkg-template/api.mjs", import.meta.url), "utf8");

  test("exports exactly requestTarget and explainErrno", () => {
    assert.deepEqual(Object.keys(pbx).sort(), ["explainErrno", "requestTarget"]);
  });
  test("no top-level name collides with api.mjs", () => {
    const names = (src) => [...src.matchAll(/^(?:export\s+)?(?:function\*?|const|let|var|class)\s+([\w$]+)/gm)].map((m) => m[1]);
    const ours = names(pbxSource);
    assert.ok(ours.length > 0);
    assert.deepEqual(ours.filter((n) => names(apiSource).includes(n)), []);
  });
  test("the CommonJS twin of pbx.mjs + api.mjs works", () => {
    const cjs = toCommonJs(pbxSource + "\n" + apiSource);
    const module = { exports: {} };
    new Function("module", "exports", cjs)(module, module.exports);
    assert.equal(module.exports.explainErrno(10006).known, true);
    assert.equal(module.exports.requestTarget(target(), "en").url, urlOf("pbx.example.com"));
    assert.equal(typeof module.exports.createApi, "function");
  });
});
