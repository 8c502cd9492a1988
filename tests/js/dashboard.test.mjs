// The dashboard loop through the package (issue 3): warnings, locales and message overrides,
// request() and explainErrno(), in ESM and CJS.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import support from "./support.cjs";

const api = await support.importPkg();
const cjs = support.requirePkg();
const { checkResult, codes, WARNING_CODES } = support;
const shape = (issues) => issues.map((e) => [e.field, e.code, e.params]);

describe("warnings", () => {
  // [input, current, expected [field, code]]
  const cases = [
    [{ extid: "1", enablevmtoemail: true }, undefined, [["email", "vmtoemail_without_email"]]],
    [{ extid: "1000", hasvoicemail: "off" }, { noanswerforward: "on", ntransferto: "Voicemail" }, [["ntransferto", "forward_to_disabled_voicemail"]]],
    [{ extid: 1002, busyforward: "on", btransferto: "Extension", btransferext: "1002" }, undefined, [["btransferext", "forward_to_self"]]],
    [{ extid: "1", loginpassword: "5e12ba8dd1083a7f946e457cf3c18779" }, undefined, [["loginpassword", "password_looks_hashed"]]],
    [{ extid: "1", ringsimultaneous: "on", enablemobile: false }, undefined, [["ringsimultaneous", "ring_without_mobile"]]],
    [{ extid: "1", ringsimultaneous: "on", mobile: "" }, undefined, [["ringsimultaneous", "ring_without_mobile"]]],
    [{ extid: "1", enablevmtoemail: true, email: "a@b.c" }, undefined, []],
    [{ extid: "1", username: "A" }, { loginpassword: "5e12ba8dd1083a7f946e457cf3c18779" }, []],
  ];
  test("each warning code, on a valid body; never blocks ok", () => {
    for (const [input, current, expected] of cases) {
      const r = checkResult(api.validate(input, { current }));
      assert.equal(r.ok, true, JSON.stringify(input));
      assert.deepEqual(r.warnings.map((w) => [w.field, w.code]), expected, JSON.stringify(input));
    }
    assert.deepEqual(new Set(cases.flatMap((c) => c[2].map((x) => x[1]))), new Set(WARNING_CODES));
  });

  test("on failed results too, and through validateJson, validateMany and CJS", () => {
    const r = checkResult(api.validate({ extid: "x", enablevmtoemail: "on" }));
    assert.deepEqual(codes(r), [{ field: "extid", code: "not_digits" }]);
    assert.deepEqual(r.warnings.map((w) => w.code), ["vmtoemail_without_email"]);
    assert.deepEqual(api.validateJson('{"extid":"x","enablevmtoemail":"on"}'), r);
    const many = api.validateMany([{ extid: "1", enablevmtoemail: "on" }, { extid: "2" }, 7]);
    assert.deepEqual(many.map((m) => m.warnings.length), [1, 0, 0]);
    assert.deepEqual(cjs.validate({ extid: "x", enablevmtoemail: "on" }), r);
    // The hash is never echoed.
    const h = api.validate({ extid: "1", loginpassword: "5e12ba8dd1083a7f946e457cf3c18779" });
    assert.ok(!JSON.stringify(h.warnings).includes("5e12ba8d"));
  });
});

describe("locales", () => {
  const failing = { extid: "1a", username: "A!", dnd: "maybe", moblie: "1", enablevmtoemail: "on" };
  test("zh-CN: same fields, codes and params; every sentence differs", () => {
    const en = api.validate(failing);
    const zh = api.validate(failing, { locale: "zh-CN" });
    assert.deepEqual(shape(zh.errors), shape(en.errors));
    assert.deepEqual(shape(zh.warnings), shape(en.warnings));
    for (const [a, b] of [...en.errors, ...en.warnings].map((e, i) => [e, [...zh.errors, ...zh.warnings][i]])) {
      assert.notEqual(a.message, b.message);
      assert.match(b.message, /[\u4e00-\u9fff]/, b.message);
    }
    assert.equal(zh.errors[0].message, "分机号只能包含数字（0-9）。");
    assert.equal(api.validateField("extid", "", { locale: "zh-CN" })[0].message, "分机号不能为空。");
    assert.match(api.validateJson("{", { locale: "zh-CN" }).errors[0].message, /^文本不是有效的 JSON/);
  });

  test("tags: zh, zh-Hans, ZH-cn are Chinese; unknown locales fall back to en; non-strings throw", () => {
    const en = api.validate(failing).errors[0].message;
    const zh = api.validate(failing, { locale: "zh-CN" }).errors[0].message;
    for (const tag of ["zh", "zh-Hans", "ZH-cn", "zh_CN"]) assert.equal(api.validate(failing, { locale: tag }).errors[0].message, zh, tag);
    for (const tag of ["en", "en-US", "fr", "", "zh-TW", null, undefined]) assert.equal(api.validate(failing, { locale: tag }).errors[0].message, en, String(tag));
    for (const bad of [1, {}, ["zh-CN"], true]) assert.throws(() => api.validate(failing, { locale: bad }), TypeError);
  });

  test("fields({ locale }) gives labels and group labels in the locale", () => {
    const zh = api.fields({ locale: "zh-CN" });
    const en = api.fields();
    assert.deepEqual(zh.map((f) => f.name), en.map((f) => f.name));
    assert.equal(zh[0].label, "分机号");
    assert.equal(zh[0].groupLabel, "用户");
    assert.equal(en[0].label, "Extension number");
    assert.deepEqual(zh.map((f) => f.description), en.map((f) => f.description));
    assert.equal(new Set(zh.map((f) => f.label)).size, zh.length);
  });
});

describe("options.messages", () => {
  test("a template per code, with {field} {label} {max} {because} {becauseLabel} placeholders", () => {
    const messages = {
      too_long: "{label} ({field}): {max} max",
      required_if: "{field} needed because of {because} / {becauseLabel}",
      vmtoemail_without_email: "warn {label} {unknown}",
    };
    const r = api.validate({ extid: "1", mobileprefix: "12345678", enablemobile: "on", enablevmtoemail: "on" }, { messages });
    assert.deepEqual(r.errors.map((e) => e.message), [
      "mobile needed because of enablemobile / Mobility extension",
      "Mobility prefix (mobileprefix): 7 max",
    ]);
    assert.equal(r.warnings[0].message, "warn Email address {unknown}");
    // Codes without an override keep the default sentence; params are untouched.
    const zh = api.validate({ extid: "x", mobileprefix: "12345678" }, { locale: "zh-CN", messages: { too_long: "{label}太长" } });
    assert.deepEqual(zh.errors.map((e) => e.message), ["分机号只能包含数字（0-9）。", "移动分机前缀太长"]);
    assert.deepEqual(zh.errors[1].params, { max: 7 });
  });

  test("a function per code or for all; undefined keeps the default", () => {
    const seen = [];
    const r = api.validate({ extid: "x", dnd: "maybe" }, {
      locale: "zh-CN",
      messages: (issue, ctx) => {
        seen.push([issue.code, ctx.locale, ctx.label]);
        return issue.code === "not_allowed_value" ? `${ctx.label}: ${issue.params.allowed.join("/")}` : undefined;
      },
    });
    assert.deepEqual(seen, [["not_digits", "zh-CN", "分机号"], ["not_allowed_value", "zh-CN", "免打扰"]]);
    assert.deepEqual(r.errors.map((e) => e.message), ["分机号只能包含数字（0-9）。", "免打扰: on/off"]);
    const f = api.validateField("extid", "", { messages: { blank: (e, ctx) => `${ctx.label} ≠ ""` } });
    assert.equal(f[0].message, 'Extension number ≠ ""');
    // A function cannot change the code or params the caller gets.
    const g = api.validate({ extid: "x" }, { messages: (issue) => { issue.code = "hacked"; issue.params = {}; return "m"; } });
    assert.deepEqual([g.errors[0].code, g.errors[0].message], ["not_digits", "m"]);
  });

  test("misuse throws TypeError", () => {
    for (const bad of ["x", 1, ["a"], true]) assert.throws(() => api.validate({}, { messages: bad }), TypeError);
    assert.doesNotThrow(() => api.validate({}, { messages: null }));
  });
});

describe("request()", () => {
  const target = { host: "192.168.5.150", token: "tok/en&x=1" };
  test("builds method, url, headers and body; fetch-ready", () => {
    const r = api.request(target, { extid: 1002, username: " Amy " });
    assert.equal(r.ok, true);
    assert.deepEqual(r.request, {
      method: "POST",
      url: "https://192.168.5.150:8088/api/v1.0.0/extension/update?token=tok%2Fen%26x%3D1",
      headers: { "Content-Type": "application/json" },
      body: '{"extid":"1002","username":"Amy"}',
    });
    assert.deepEqual(r.value, { extid: "1002", username: "Amy" });
    assert.deepEqual(r.warnings, []);
    const v6 = api.request({ host: "FE80::1", port: "8443", version: "v2.0.0", token: "t" }, { extid: "1" });
    assert.equal(v6.request.url, "https://[fe80::1]:8443/api/v2.0.0/extension/update?token=t");
    assert.deepEqual(cjs.request(target, { extid: 1002, username: " Amy " }), r);
  });

  test("errors: the target's first, then the body's; warnings kept; the token never echoed", () => {
    const r = api.request({ host: "https://pbx", port: 0, token: "SECRETTOKEN" }, { extid: "x", enablevmtoemail: "on" });
    assert.equal(r.ok, false);
    assert.deepEqual(r.errors.map((e) => [e.field, e.code]), [["target.host", "invalid_host"], ["target.port", "out_of_range"], ["extid", "not_digits"]]);
    assert.deepEqual(r.warnings.map((w) => w.code), ["vmtoemail_without_email"]);
    const zh = api.request({ host: "", token: " " }, { extid: "1" }, { locale: "zh-CN" });
    assert.deepEqual(zh.errors.map((e) => e.code), ["blank", "blank"]);
    assert.match(zh.errors[0].message, /[\u4e00-\u9fff]/);
    const over = api.request({ host: "pbx", token: "" }, { extid: "1" }, { messages: { blank: "{field} is empty" } });
    assert.equal(over.errors[0].message, "target.token is empty");
    for (const bad of [null, "pbx", []]) assert.throws(() => api.request(bad, { extid: "1" }), TypeError);
    for (const e of r.errors) assert.ok(!JSON.stringify(e).includes("SECRETTOKEN"));
  });
});

describe("diff()", () => {
  test("another extid renumbers the loaded extension; a stored value the rules refuse is not resent", () => {
    const before = api.fromQuery({ extnumber: "1000", username: "a-b", dnd: "off" });
    assert.deepEqual(before, { extid: "1000", username: "a-b", dnd: "off" });
    const d = api.diff(before, { ...before, dnd: "on" });
    assert.deepEqual([d.ok, d.body, d.changed], [true, '{"extid":"1000","dnd":"on"}', ["dnd"]]);
    const r = api.diff(before, { ...before, extid: "1001" });
    assert.deepEqual([r.ok, r.body, r.changed], [true, '{"extid":"1000","extnumber":"1001"}', ["extnumber"]]);
    const bad = api.diff(before, { ...before, extid: "10x" });
    assert.deepEqual(codes(bad), [{ field: "extid", code: "not_digits" }]);
  });
});

describe("explainErrno()", () => {
  test("every errno of SPEC §6, in both locales; 10006 says to check extid", () => {
    const all = ["10002", "10003", "10004", "10006", "10007", "10017", "10025", "20000", "20001", "20004", "20005", "20006", "30001"];
    for (const errno of all) {
      for (const locale of ["en", "zh-CN"]) {
        const x = api.explainErrno(errno, { locale });
        assert.deepEqual(Object.keys(x).sort(), ["errno", "hint", "known", "message"]);
        assert.equal(x.known, true, errno);
        assert.ok(x.message && x.hint && x.message !== x.hint);
      }
    }
    const e = api.explainErrno({ status: "Failed", errno: "10006" });
    assert.equal(e.message, "The extension does not exist.");
    assert.match(e.hint, /extid/);
    assert.deepEqual(api.explainErrno(10006), e);
    assert.equal(api.explainErrno("99999").known, false);
    assert.throws(() => api.explainErrno(undefined), TypeError);
    // Locale tags as everywhere else.
    const zh = api.explainErrno("10006", { locale: "zh-CN" });
    assert.notEqual(zh.message, e.message);
    for (const tag of ["zh", "zh-Hans", "ZH-cn"]) assert.deepEqual(api.explainErrno("10006", { locale: tag }), zh, tag);
    assert.deepEqual(api.explainErrno("10006", { locale: "fr" }), e);
    assert.throws(() => api.explainErrno("10006", { locale: 1 }), TypeError);
    assert.throws(() => api.explainErrno("10006", "zh-CN"), TypeError);
  });
});
