// SPEC §5 contract of the built package, loaded with `import "yeastar-extension-update"`
// (exports map → node.mjs). Expected codes and bodies come from SPEC.md §1–§4.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import support from "./support.cjs";

const { FIELD_NAMES, TABLE, SECRETS, checkResult, checkFieldError, codes, importPkg, requirePkg } = support;
const api = await importPkg();
const { validate, validateJson, validateField, buildBody, fields, schema, ValidationError } = api;

const ok = (input, options) => checkResult(validate(input, options));

describe("module shape", () => {
  test("named exports of the ESM entry", () => {
    assert.deepEqual(Object.keys(api).sort(), [
      "ValidationError", "buildBody", "diff", "explainErrno", "extensionUpdateSchema", "fields", "fromQuery", "request", "schema", "validate", "validateField", "validateJson", "validateMany",
    ]);
    for (const k of Object.keys(api)) assert.equal(typeof api[k], k === "extensionUpdateSchema" ? "object" : "function", k);
  });

  test("import and require share one instance (and one ValidationError class)", () => {
    const cjs = requirePkg();
    assert.equal(cjs.validate, validate);
    assert.equal(cjs.ValidationError, ValidationError);
  });
});

describe("validate: result shapes", () => {
  test("success: { ok, body, value, warnings } with value = JSON.parse(body)", () => {
    const r = ok({ extid: "1001" });
    assert.deepEqual(r, { ok: true, body: '{"extid":"1001"}', value: { extid: "1001" }, warnings: [] });
  });

  test("failure: { ok: false, errors } with FieldError objects", () => {
    const r = ok({});
    assert.equal(r.ok, false);
    assert.deepEqual(codes(r), [{ field: "extid", code: "required" }]);
  });

  test("null and undefined mean 'not given'", () => {
    assert.equal(ok({ extid: "1", username: null, mobile: undefined }).body, '{"extid":"1"}');
    assert.deepEqual(codes(ok({ extid: null })), [{ field: "extid", code: "required" }]);
  });

  test("options: null/undefined/{} and unknown option keys are accepted", () => {
    for (const o of [undefined, null, {}, { locale: "de", messages: {} }, { current: null, unknownFields: undefined }]) {
      assert.equal(ok({ extid: "1" }, o).body, '{"extid":"1"}');
    }
  });

  test("each call returns fresh objects", () => {
    const a = validate({ extid: "1" });
    a.value.extid = "x";
    assert.equal(validate({ extid: "1" }).value.extid, "1");
  });
});

describe("wire format (SPEC §1)", () => {
  const input = {
    maxduration: "follow system",
    ringtimeout: 30,
    monitormode: "disable",
    atransferto: "mobile number",
    alwaysforward: "ON",
    hasvoicemail: true,
    enablevmtoemail: false,
    mobile: " 5551234 ",
    maxregistrations: 3,
    username: "  Ina Tang ",
    extid: 1002,
  };
  const body =
    '{"extid":"1002","username":"Ina Tang","maxregistrations":"3","mobile":"5551234",' +
    '"hasvoicemail":"on","enablevmtoemail":"off","alwaysforward":"on","atransferto":"Mobile Number",' +
    '"monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System"}';

  test("table order, compact, string values, on/off, vendor spellings, trimmed", () => {
    assert.equal(ok(input).body, body);
  });

  test("only the given fields; extid first", () => {
    const r = ok({ dnd: "Off", extid: "7" });
    assert.equal(r.body, '{"extid":"7","dnd":"off"}');
  });

  test("idempotent: the body validated again gives the same bytes", () => {
    const again = checkResult(validateJson(body));
    assert.equal(again.body, body);
    assert.equal(ok(again.value).body, body);
  });

  test("every enumeration value round-trips in any case", () => {
    const cases = {
      atransferto: ["Voicemail", "Extension", "Mobile Number", "Custom Number"],
      monitormode: ["Disabled", "Extensive", "Listen", "Whisper", "Barge-in"],
      ringtimeout: ["15", "30", "60", "120", "300"],
      maxduration: ["Follow System", "Unlimited", "60", "300", "600", "900", "1800", "3600", "6000"],
    };
    for (const [field, values] of Object.entries(cases)) {
      for (const v of values) {
        for (const given of [v, v.toLowerCase(), v.toUpperCase()]) {
          // A destination may need its companion field (R1–R3): give them all.
          const r = ok({ extid: "1", alwaysforward: "off", [field]: given });
          assert.equal(r.ok, true, `${field}=${given}: ${JSON.stringify(r.errors)}`);
          assert.equal(r.value[field], v);
        }
      }
    }
    assert.equal(ok({ extid: "1", ringtimeout: 120, maxduration: 3600 }).body, '{"extid":"1","ringtimeout":"120","maxduration":"3600"}');
  });

  test("secrets are kept byte for byte (never trimmed)", () => {
    const r = ok({ extid: "1", registerpassword: "Xy9!~*()", loginpassword: "abc#$%123", vmsecret: "0012" });
    assert.equal(r.body, '{"extid":"1","registerpassword":"Xy9!~*()","loginpassword":"abc#$%123","vmsecret":"0012"}');
  });

  test("blank values that may be blank are sent (trimmed)", () => {
    assert.equal(ok({ extid: "1", email: "  ", agentid: "" }).body, '{"extid":"1","email":"","agentid":""}');
  });

  test("numbers: only where the table allows, non-negative safe integers", () => {
    assert.equal(ok({ extid: 0 }).body, '{"extid":"0"}');
    assert.equal(ok({ extid: 2 ** 53 - 1 }).body, `{"extid":"${2 ** 53 - 1}"}`);
    for (const bad of [-1, 1.5, 2 ** 53]) assert.deepEqual(codes(ok({ extid: bad })), [{ field: "extid", code: "wrong_type" }], String(bad));
    for (const field of ["mobile", "vmsecret", "registerpassword", "agentid", "username"]) {
      assert.deepEqual(codes(ok({ extid: "1", [field]: 5551234 })), [{ field, code: "wrong_type" }], field);
    }
  });
});

describe("field rules (samples; the full table is tested natively)", () => {
  const cases = [
    // [field, value, expected code or null]
    ["extid", "abc", "not_digits"],
    ["extid", "1".repeat(31), null],
    ["extid", "1".repeat(32), "too_long"],
    ["username", "José Müller", null],
    ["username", "e\u0301", null],
    ["username", "\u{20000}".repeat(31), null], // lengths count characters, not UTF-16 units
    ["username", "\u{20000}".repeat(32), "too_long"],
    ["username", "Ina_Tang", "invalid_chars"],
    ["username", "", null],
    ["registername", " ", "blank"],
    ["registername", "a b", "invalid_chars"],
    ["registerpassword", "", "blank"],
    ["registerpassword", "a;b", "invalid_chars"],
    ["registerpassword", "a b", "invalid_chars"],
    ["registerpassword", "x".repeat(32), "too_long"],
    ["maxregistrations", "5", null],
    ["maxregistrations", 0, "out_of_range"],
    ["maxregistrations", 6, "out_of_range"],
    ["maxregistrations", "x", "not_digits"],
    ["maxregistrations", 2.5, "wrong_type"],
    ["loginpassword", "abcde", "too_short"],
    ["loginpassword", "abcdef", null],
    ["loginpassword", "a".repeat(64), "too_long"],
    ["loginpassword", "abc<def", "invalid_chars"],
    ["email", "a@b", null],
    ["email", "a b@c.d", "invalid_email"],
    ["email", "x".repeat(250) + "@b.cd", "too_long"],
    ["mobile", "12a", "not_digits"],
    ["vmsecret", "", null],
    ["vmsecret", "12a4", "not_digits"],
    ["hasvoicemail", "yes", "not_allowed_value"],
    ["hasvoicemail", 1, "wrong_type"],
    ["hasvoicemail", "On", null],
    ["ntransferprefix", "1234567", null],
    ["ntransferprefix", "12345678", "too_long"], // decision: ≤ 7 like its siblings
    ["atransfernum", "1".repeat(16), "too_long"],
    ["monitormode", "Barge", "not_allowed_value"],
    ["ringtimeout", 45, "not_allowed_value"],
    ["maxduration", 7, "not_allowed_value"],
    ["agentid", "1".repeat(32), "too_long"],
  ];
  for (const [field, value, code] of cases) {
    test(`${field} = ${[...JSON.stringify(value)].slice(0, 24).join("")} → ${code ?? "ok"}`, () => {
      const input = field === "extid" ? { extid: value } : { extid: "1", [field]: value };
      const r = ok(input);
      assert.deepEqual(codes(r), code ? [{ field, code }] : []);
      // validateField agrees with validate on single-field checks.
      assert.deepEqual(codes(validateField(field, value)), code ? [{ field, code }] : []);
    });
  }
});

describe("errors (SPEC §4)", () => {
  test("all errors, one per field, table order, unknown fields last in input order", () => {
    const r = ok({ zzz: 1, mobile: "x", extid: "abc", aaa: null, username: "a;" });
    assert.deepEqual(codes(r), [
      { field: "extid", code: "not_digits" },
      { field: "username", code: "invalid_chars" },
      { field: "mobile", code: "not_digits" },
      { field: "zzz", code: "unknown_field" },
      { field: "aaa", code: "unknown_field" },
    ]);
  });

  test("unknown field suggestions", () => {
    const [e] = ok({ extid: "1", moblie: "" }).errors;
    assert.equal(e.field, "moblie");
    assert.equal(e.code, "unknown_field");
    assert.equal(e.params?.suggestion, "mobile");
    const [far] = ok({ extid: "1", qqqqqqqqqq: "" }).errors;
    assert.equal(far.params?.suggestion, undefined);
  });

  test('unknownFields: "strip" drops unknown keys', () => {
    const r = ok({ moblie: "1", extid: "1", foo: { bar: 1 } }, { unknownFields: "strip" });
    assert.equal(r.body, '{"extid":"1"}');
    assert.deepEqual(codes(ok({ extid: "1", foo: 1 }, { unknownFields: "error" })), [{ field: "foo", code: "unknown_field" }]);
  });

  test("a non-object input is one whole-input error", () => {
    for (const v of [null, undefined, "x", 1, [], [{ extid: "1" }]]) {
      assert.deepEqual(codes(ok(v)), [{ field: "", code: "not_an_object" }], String(v));
    }
  });

  test("validateJson: invalid JSON is one invalid_json error", () => {
    for (const t of ["", "{", "{'extid':'1'}", '{"extid":"1",}', "undefined", '{"extid":"1"} x']) {
      assert.deepEqual(codes(checkResult(validateJson(t))), [{ field: "", code: "invalid_json" }], t);
    }
    for (const t of ["null", "[]", '"x"', "1"]) {
      assert.deepEqual(codes(checkResult(validateJson(t))), [{ field: "", code: "not_an_object" }], t);
    }
    assert.deepEqual(codes(checkResult(validateJson('{"extid":1.5}'))), [{ field: "extid", code: "wrong_type" }]);
    assert.equal(checkResult(validateJson('{ "extid" : 1002 }')).body, '{"extid":"1002"}');
  });
});

describe("cross-field rules with options.current (SPEC §3)", () => {
  const because = (r) => r.errors.map((e) => [e.field, e.code, e.params?.because]);

  test("R1: mobile required when enablemobile is on", () => {
    assert.deepEqual(because(ok({ extid: "1", enablemobile: "on" })), [["mobile", "required_if", "enablemobile"]]);
    assert.equal(ok({ extid: "1", enablemobile: "on" }, { current: { moblie: "5551234" } }).body, '{"extid":"1","enablemobile":"on"}');
    assert.equal(ok({ extid: "1", enablemobile: "on" }, { current: { mobile: "5551234" } }).ok, true);
    assert.deepEqual(because(ok({ extid: "1", enablemobile: "on" }, { current: { moblie: "" } })), [["mobile", "required_if", "enablemobile"]]);
    assert.deepEqual(because(ok({ extid: "1", mobile: "" }, { current: { enablemobile: "on" } })), [["mobile", "required_if", "enablemobile"]]);
  });

  test("R1: mobile required when a live rule forwards to Mobile Number", () => {
    assert.deepEqual(because(ok({ extid: "1", atransferto: "Mobile Number" })), [["mobile", "required_if", "atransferto"]]);
    assert.equal(ok({ extid: "1", alwaysforward: "off", atransferto: "Mobile Number" }).ok, true);
    assert.equal(ok({ extid: "1", atransferto: "Mobile Number" }, { current: { alwaysforward: "off" } }).ok, true);
  });

  test("R2: Ftransfernum required when live rule F forwards to Custom Number", () => {
    assert.deepEqual(because(ok({ extid: "1", noanswerforward: "on", ntransferto: "custom number" })), [["ntransfernum", "required_if", "ntransferto"]]);
    assert.deepEqual(because(ok({ extid: "1", ntransferto: "Custom Number" })), [["ntransfernum", "required_if", "ntransferto"]]);
    assert.equal(ok({ extid: "1", noanswerforward: "off", ntransferto: "Custom Number" }).ok, true);
    assert.equal(ok({ extid: "1", ntransferto: "Custom Number" }, { current: { noanswerforward: "off" } }).ok, true);
    assert.equal(ok({ extid: "1", ntransferto: "Custom Number" }, { current: { ntransfernum: "5550000" } }).ok, true);
  });

  test("R3: Ftransferext required when live rule F forwards to Extension", () => {
    assert.deepEqual(because(ok({ extid: "1", busyforward: "on", btransferto: "Extension" })), [["btransferext", "required_if", "btransferto"]]);
    assert.equal(ok({ extid: "1", busyforward: "on", btransferto: "Extension", btransferext: "1003" }).ok, true);
  });

  test("the vendor's query sample as current: read-only fields are no errors, never in the body", () => {
    const current = JSON.parse(
      '{"extnumber":"1000","username":"Jayson","status":"Registered","type":"SIP","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","maxregistrations":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","email":"","moblie":"","language":"System Default","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","btransferto":"Voicemail","btransferprefix":"","ringsimultaneous":"off","mobileprefix":"","enablemobile":"off","allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":""}'
    );
    assert.equal(ok({ extid: "1000", dnd: "on" }, { current }).body, '{"extid":"1000","dnd":"on"}');
    assert.deepEqual(codes(ok({ extid: "1000", enablemobile: "on" }, { current })), [{ field: "mobile", code: "required_if" }]);
    assert.deepEqual(codes(ok({ extid: "1000", ntransferto: "Custom Number" }, { current })), [{ field: "ntransfernum", code: "required_if" }]);
    assert.equal(ok({ extid: "1000", ntransferto: "Custom Number", ntransfernum: "5550100" }, { current }).ok, true);
  });
});

describe("validateField", () => {
  test("returns FieldError[] (empty when fine)", () => {
    assert.deepEqual(validateField("extid", "1001"), []);
    assert.deepEqual(validateField("extid", 1001), []);
    assert.deepEqual(validateField("hasvoicemail", true), []);
    assert.deepEqual(validateField("email", ""), []);
    const errs = validateField("extid", "abc");
    errs.forEach(checkFieldError);
    assert.deepEqual(codes(errs), [{ field: "extid", code: "not_digits" }]);
    assert.deepEqual(codes(validateField("extid", undefined)), [{ field: "extid", code: "required" }]);
    assert.deepEqual(codes(validateField("username", {})), [{ field: "username", code: "wrong_type" }]);
  });

  test("an unknown field name is an unknown_field error", () => {
    assert.deepEqual(codes(validateField("moblie", "1")), [{ field: "moblie", code: "unknown_field" }]);
  });

  test("cross-field rules see options.current", () => {
    assert.deepEqual(codes(validateField("mobile", "", { current: { enablemobile: "on" } })), [{ field: "mobile", code: "required_if" }]);
    assert.deepEqual(validateField("mobile", "5551234", { current: { enablemobile: "on" } }), []);
  });
});

describe("buildBody", () => {
  test("returns the body of a valid input", () => {
    assert.equal(buildBody({ extid: 1002, dnd: true }), '{"extid":"1002","dnd":"on"}');
    assert.equal(buildBody({ extid: "1", x: 1 }, { unknownFields: "strip" }), '{"extid":"1"}');
  });

  test("throws ValidationError with .errors, naming the count and the first error", () => {
    const input = { extid: "abc", dnd: "maybe" };
    assert.throws(() => buildBody(input), ValidationError);
    let err;
    try { buildBody(input); } catch (e) { err = e; }
    assert.ok(err instanceof Error);
    assert.equal(err.name, "ValidationError");
    assert.deepEqual(err.errors, validate(input).errors);
    assert.match(err.message, /\b2 errors\b/);
    assert.ok(err.message.includes(err.errors[0].message), err.message);
  });

  test("ValidationError is a usable class", () => {
    const e = new ValidationError([{ field: "extid", code: "required", message: "Extension number is required." }]);
    assert.equal(e.name, "ValidationError");
    assert.match(e.message, /\b1 error\b/);
    assert.ok(e instanceof Error && e.stack);
  });
});

describe("fields()", () => {
  const rows = fields();

  test("38 rows in SPEC table order, with the kinds of the table", () => {
    assert.deepEqual(rows.map((f) => f.name), FIELD_NAMES);
    assert.deepEqual(rows.map((f) => [f.name, f.kind]), TABLE);
  });

  test("metadata shape (docs/BOUNDARY.md)", () => {
    const groups = ["user", "registration", "voicemail", "always_forward", "noanswer_forward", "busy_forward", "mobility", "monitoring", "call_limits"];
    for (const f of rows) {
      for (const k of ["label", "groupLabel", "description"]) assert.equal(typeof f[k], "string", `${f.name}.${k}`);
      for (const k of ["required", "secret", "trimmed", "blankAllowed"]) assert.equal(typeof f[k], "boolean", `${f.name}.${k}`);
      assert.ok(groups.includes(f.group), `${f.name}.group`);
      assert.ok(Array.isArray(f.input) && f.input.length && f.input.every((t) => ["string", "number", "boolean"].includes(t)), f.name);
      assert.equal(f.required, f.name === "extid", f.name);
      assert.equal(f.secret, SECRETS.includes(f.name), f.name);
      assert.equal(f.trimmed, !f.secret, f.name);
    }
    assert.deepEqual([...new Set(rows.map((f) => f.group))].sort(), [...groups].sort());
    const by = Object.fromEntries(rows.map((f) => [f.name, f]));
    for (const n of ["alwaysforward", "atransferto", "atransferext", "atransferprefix", "atransfernum"]) assert.equal(by[n].group, "always_forward");
    for (const n of ["noanswerforward", "ntransferto", "ntransfernum"]) assert.equal(by[n].group, "noanswer_forward");
    for (const n of ["busyforward", "btransferto", "btransfernum"]) assert.equal(by[n].group, "busy_forward");
    for (const n of ["hasvoicemail", "enablevmtoemail", "vmsecret"]) assert.equal(by[n].group, "voicemail");
  });

  test("lengths, ranges, allowed values, input types", () => {
    const by = Object.fromEntries(rows.map((f) => [f.name, f]));
    assert.equal(by.extid.maxLength, 31);
    assert.equal(by.extid.minLength, 1);
    assert.equal(by.loginpassword.minLength, 6);
    assert.equal(by.loginpassword.maxLength, 63);
    assert.equal(by.email.maxLength, 254);
    assert.equal(by.ntransferprefix.maxLength, 7);
    assert.equal(by.atransfernum.maxLength, 15);
    assert.equal(by.maxregistrations.minimum, 1);
    assert.equal(by.maxregistrations.maximum, 5);
    for (const f of rows.filter((f) => f.kind === "switch")) {
      assert.deepEqual(f.allowed, ["on", "off"], f.name);
      assert.ok(f.input.includes("boolean"), f.name);
    }
    assert.deepEqual(by.btransferto.allowed, ["Voicemail", "Extension", "Mobile Number", "Custom Number"]);
    assert.deepEqual(by.monitormode.allowed, ["Disabled", "Extensive", "Listen", "Whisper", "Barge-in"]);
    assert.deepEqual(by.ringtimeout.allowed, ["15", "30", "60", "120", "300"]);
    assert.deepEqual(by.maxduration.allowed, ["Follow System", "Unlimited", "60", "300", "600", "900", "1800", "3600", "6000"]);
    for (const n of ["extid", "extnumber", "maxregistrations", "ringtimeout", "maxduration"]) assert.ok(by[n].input.includes("number"), n);
    for (const n of ["mobile", "vmsecret", "registerpassword", "username", "agentid"]) assert.deepEqual(by[n].input, ["string"], n);
    const blank = ["username", "callerid", "email", "mobile", "vmsecret", "atransferext", "atransferprefix", "atransfernum", "ntransferext", "ntransferprefix", "ntransfernum", "btransferext", "btransferprefix", "btransfernum", "mobileprefix", "agentid"];
    assert.deepEqual(rows.filter((f) => f.blankAllowed).map((f) => f.name), blank);
  });

  test("a fresh copy each call", () => {
    const a = fields();
    a[0].name = "changed";
    a.pop();
    assert.equal(fields()[0].name, "extid");
    assert.equal(fields().length, 38);
    assert.notEqual(fields(), fields());
  });
});

describe("schema()", () => {
  const s = schema();

  test("draft 2020-12, closed, extid required, one property per field in order", () => {
    assert.equal(s.$schema, "https://json-schema.org/draft/2020-12/schema");
    assert.equal(s.type, "object");
    assert.equal(s.additionalProperties, false);
    assert.deepEqual(s.required, ["extid"]);
    assert.deepEqual(Object.keys(s.properties), FIELD_NAMES);
    for (const [name, p] of Object.entries(s.properties)) assert.equal(p.type, "string", name);
    assert.deepEqual(s.properties.dnd.enum, ["on", "off"]);
    assert.deepEqual(s.properties.ringtimeout.enum, ["15", "30", "60", "120", "300"]);
    assert.equal(s.properties.ntransferprefix.maxLength, 7);
  });

  test("bodies built by validate satisfy the schema (a small checker of the keywords used)", () => {
    const bodies = [
      ok({ extid: "1", username: "Ina Tang", maxregistrations: 5, email: "a@b.cd", mobile: "", hasvoicemail: true, ringtimeout: 60, maxduration: "unlimited", monitormode: "whisper" }).value,
      ok({ extid: 12, registerpassword: "pa55!", loginpassword: "secret1", vmsecret: "0000", agentid: "" }).value,
    ];
    for (const body of bodies) {
      for (const r of s.required) assert.ok(r in body);
      for (const [k, v] of Object.entries(body)) {
        const p = s.properties[k];
        assert.ok(p, `no property ${k}`);
        assert.equal(typeof v, "string");
        if (p.enum) assert.ok(p.enum.includes(v), `${k}: ${v}`);
        if (p.maxLength !== undefined) assert.ok([...v].length <= p.maxLength, k);
        if (p.minLength !== undefined) assert.ok([...v].length >= p.minLength, k);
        if (p.pattern !== undefined) assert.match(v, new RegExp(p.pattern, "u"), k);
      }
    }
  });

  test("a fresh copy each call", () => {
    const a = schema();
    delete a.properties.extid;
    assert.ok(schema().properties.extid);
    assert.notEqual(schema(), schema());
  });
});
