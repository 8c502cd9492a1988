// Compile-only test of pkg/index.d.ts (see tsconfig.json). Every
// `@ts-expect-error` line must be an error: tsc fails if one compiles.
import {
  validate, validateJson, validateMany, validateField, buildBody, fields, schema, ValidationError,
  type ExtensionUpdateBody, type ExtensionUpdateInput, type FieldError, type ErrorCode,
  type FieldName, type FieldMeta, type ValidationResult, type ValidateOptions, type FieldInput,
} from "../../pkg/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T): void => {};

// ---- the result union narrows on `ok`
const r: ValidationResult = validate({ extid: "1" });
if (r.ok) {
  const body: string = r.body;
  const extid: string = r.value.extid;
  const dnd: "on" | "off" | undefined = r.value.dnd;
  const dest: "Voicemail" | "Extension" | "Mobile Number" | "Custom Number" | undefined = r.value.atransferto;
  // @ts-expect-error no errors on success
  r.errors;
  void [body, extid, dnd, dest];
} else {
  const errors: FieldError[] = r.errors;
  const code: ErrorCode = errors[0]!.code;
  // @ts-expect-error no body on failure
  r.body;
  void code;
}
// @ts-expect-error body is not known before narrowing
r.body;

// ---- validate / validateJson take any data; options are typed
validate(JSON.parse("{}"));
validate({ extid: 1, anything: "goes at run time" }, { unknownFields: "strip" });
validate(null, null);
validateJson('{"extid":"1"}', { current: { moblie: "", status: "Registered" } });
// @ts-expect-error unknownFields is "error" | "strip"
validate({}, { unknownFields: "ignore" });
// @ts-expect-error current is an object
validate({}, { current: "1000" });
// @ts-expect-error validateJson takes text
validateJson({ extid: "1" });
const opts: ValidateOptions = { current: null, unknownFields: "error" };
void opts;

// ---- validateField
const fe: FieldError[] = validateField("extid", 1002);
validateField("not-a-field-but-allowed-at-run-time", "x");
// @ts-expect-error the field name is a string
validateField(1, "x");
if (fe[0]) {
  const because: FieldName | undefined = fe[0].params?.because;
  void because;
}

// ---- buildBody: input forms of SPEC §2
const body: string = buildBody({
  extid: 1002,
  extnumber: "1003",
  username: "Ina Tang",
  maxregistrations: 3,
  hasvoicemail: true,
  enablevmtoemail: "OFF",
  alwaysforward: "On",
  atransferto: "mobile number",
  ntransferto: "CUSTOM NUMBER",
  btransferto: "Extension",
  monitormode: "barge-in",
  ringtimeout: 30,
  maxduration: "follow system",
  dnd: null,
  email: undefined,
});
buildBody({ extid: "1", ringtimeout: "120", maxduration: 3600 });
// @ts-expect-error extid is required
buildBody({ username: "x" });
// @ts-expect-error extid cannot be null
buildBody({ extid: null });
// @ts-expect-error a switch takes on/off or a boolean
buildBody({ extid: "1", dnd: "yes" });
// @ts-expect-error a switch does not take numbers
buildBody({ extid: "1", dnd: 1 });
// @ts-expect-error not a destination
buildBody({ extid: "1", atransferto: "Mobile" });
// @ts-expect-error not an allowed ring timeout
buildBody({ extid: "1", ringtimeout: 45 });
// @ts-expect-error "45" is not allowed either
buildBody({ extid: "1", ringtimeout: "45" });
// @ts-expect-error a phone number as a number would lose leading zeros
buildBody({ extid: "1", mobile: 5551234 });
// @ts-expect-error secrets are strings only
buildBody({ extid: "1", vmsecret: 1234 });
// @ts-expect-error misspelt field
buildBody({ extid: "1", moblie: "1" });

// ---- the body type: wire spellings only
const okBody: ExtensionUpdateBody = { extid: "1", dnd: "on", monitormode: "Barge-in", maxduration: "Follow System" };
// @ts-expect-error body switches are lower case
const b1: ExtensionUpdateBody = { extid: "1", dnd: "ON" };
// @ts-expect-error body values are strings
const b2: ExtensionUpdateBody = { extid: 1 };
// @ts-expect-error body enumerations use the vendor's spelling
const b3: ExtensionUpdateBody = { extid: "1", atransferto: "mobile number" };
// @ts-expect-error extid is always in the body
const b4: ExtensionUpdateBody = { dnd: "on" };
void [body, okBody, b1, b2, b3, b4];

// ---- names and per-field input types
const name: FieldName = "mobile";
// @ts-expect-error the vendor sample's misspelling is not a field name
const typo: FieldName = "moblie";
assertType<Equal<FieldInput["dnd"], "on" | "off" | "ON" | "OFF" | "On" | "Off" | boolean | null>>(true);
assertType<Equal<FieldInput["extid"], string | number>>(true);
const input: ExtensionUpdateInput = { extid: "1" };
void [name, typo, input];

// ---- metadata, schema, errors
const meta: FieldMeta[] = fields();
const first = meta[0]!;
if (first.kind === "switch") {
  const allowed: string[] | undefined = first.allowed;
  void allowed;
}
// @ts-expect-error kinds are a closed union
const badKind: FieldMeta["kind"] = "phone";
const s = schema();
const closed: false = s.additionalProperties;
const required: ["extid"] = s.required;
void [badKind, closed, required];

const codes: ErrorCode[] = [
  "required", "required_if", "blank", "too_long", "too_short", "not_digits", "invalid_chars",
  "out_of_range", "not_allowed_value", "invalid_email", "wrong_type", "unknown_field",
  "not_an_object", "invalid_json",
];
// @ts-expect-error not an error code
const badCode: ErrorCode = "invalid";
void [codes, badCode];

try {
  buildBody({ extid: "1" });
} catch (e) {
  if (e instanceof ValidationError) {
    const name: "ValidationError" = e.name;
    const errors: FieldError[] = e.errors;
    const msg: string = e.message;
    void [name, errors, msg];
  }
}
const ve = new ValidationError([{ field: "", code: "not_an_object", message: "The input must be an object." }]);
const asError: Error = ve;
void asError;
// The query page's spelling "Disable" is an accepted input (an alias in fields()).
buildBody({ extid: "1", monitormode: "Disable" });
const many: ValidationResult[] = validateMany([{ extid: "1" }, "[]"]);
const manyText: ValidationResult[] = validateMany("[{\"extid\":\"1\"}]");
// @ts-expect-error a batch is an array or a JSON text
validateMany({ extid: "1" });
void [many, manyText];
