// Compile-only test of the dashboard-workflow part of pkg/index.d.ts (issue 3). Every
// `@ts-expect-error` line must be an error: tsc fails if one compiles.
import {
  validate, validateField, fields, fromQuery, diff, request, explainErrno,
  type FieldWarning, type WarningCode, type DiffResult, type RequestResult, type ErrnoExplanation,
  type MessageOverrides, type Locale, type FieldName, type ExtensionState,
} from "../../pkg/index.js";

// ---- warnings on both sides of the union
const r = validate({ extid: "1" }, { locale: "zh-CN" });
const w: FieldWarning[] = r.warnings;
if (w[0]) {
  const code: WarningCode = w[0].code;
  const because: FieldName | undefined = w[0].params?.because;
  void [code, because];
}
// @ts-expect-error not a warning code
const notWarning: WarningCode = "required";

// ---- locale and messages
const locale: Locale = "zh-CN";
validate({}, { locale: "fr" }); // unknown locales fall back to en at run time
const overrides: MessageOverrides = {
  required: "{label} is needed",
  too_long: (issue, ctx) => `${ctx.label}: ≤ ${issue.params && "max" in issue.params ? issue.params.max : "?"}`,
  forward_to_self: () => undefined,
};
validate({}, { messages: overrides });
validate({}, { messages: (issue) => (issue.code === "required" ? "!" : null) });
validateField("extid", "x", { locale: "zh-CN", messages: { not_digits: "digits only" } });
// @ts-expect-error not a code
validate({}, { messages: { not_a_code: "x" } });
// @ts-expect-error locale is a string
validate({}, { locale: 1 });
fields({ locale: "zh-CN" })[0]!.label.toUpperCase();

// ---- fromQuery / diff
const before: ExtensionState = fromQuery({ extnumber: "1000", moblie: "" });
const extid: string | undefined = before.extid;
// @ts-expect-error fromQuery keeps no non-string value
const n: number | undefined = before.extid;
const d: DiffResult = diff(before, { ...before, dnd: true }, { locale });
const changed: FieldName[] = d.changed;
if (d.ok) {
  const body: string = d.body;
  void body;
}
// @ts-expect-error diff takes before as current itself
diff(before, before, { current: {} });
// @ts-expect-error fromQuery takes an object
fromQuery("1000");

// ---- request / explainErrno
const rr: RequestResult = request({ host: "pbx.example.com", token: "t" }, { extid: "1" });
if (rr.ok) {
  const init: { method: "POST"; url: string; headers: Record<string, string>; body: string } = rr.request;
  void init;
} else {
  const field: string = rr.errors[0]!.field;
  void field;
}
request({ host: "::1", port: "8443", version: "v1.0.0", token: "t" }, {}, { locale: "zh-CN" });
// @ts-expect-error the token is required
request({ host: "pbx" }, {});
const e: ErrnoExplanation = explainErrno("10006");
explainErrno(10006, { locale: "zh-CN" });
explainErrno({ status: "Failed", errno: "10006" });
// @ts-expect-error an answer needs its errno
explainErrno({ status: "Failed" });
void [notWarning, changed, e, extid, n];
