// Types of yeastar-extension-update. The block between the GENERATED markers is
// written by scripts/build-pkg.mjs from fields() of the built package; the rest
// is hand-written.

/** On/off switches, as sent in the body. */
export type Switch = "on" | "off";
/** What a switch accepts as input: "on"/"off" in any case, or a boolean. */
export type SwitchInput = Switch | Uppercase<Switch> | Capitalize<Switch> | boolean;
/** What an enumeration accepts as input: its values in lower, upper or vendor case. */
export type EnumInput<V extends string> = V | Lowercase<V> | Uppercase<V>;

/*@@GENERATED@@*/

/** The 14 error codes (SPEC §4). */
export type ErrorCode =
  | "required"
  | "required_if"
  | "blank"
  | "too_long"
  | "too_short"
  | "not_digits"
  | "invalid_chars"
  | "out_of_range"
  | "not_allowed_value"
  | "invalid_email"
  | "wrong_type"
  | "unknown_field"
  | "not_an_object"
  | "invalid_json";

/** Numbers and names an error code needs. */
export interface ErrorParams {
  max?: number;
  min?: number;
  allowed?: string[];
  /** The field whose value triggered a `required_if`. */
  because?: FieldName;
  /** For `unknown_field`: a known name one or two edits away. */
  suggestion?: FieldName;
  /** What was expected instead, in words (e.g. "string or number"). */
  expected?: string;
}

export interface FieldError {
  /** Wire name of the field; "" for the input as a whole; the given key for `unknown_field`. */
  field: FieldName | "" | (string & {});
  code: ErrorCode;
  /** One sentence in `options.locale` (English by default); never contains the value of a secret field. */
  message: string;
  params?: ErrorParams;
}

/** The warning codes: advice that never blocks a valid body (README "Warnings"). */
export type WarningCode =
  | "vmtoemail_without_email"
  | "forward_to_disabled_voicemail"
  | "forward_to_self"
  | "password_looks_hashed"
  | "ring_without_mobile";

/** A warning: the shape of a FieldError, with a warning code. */
export interface FieldWarning {
  field: FieldName;
  code: WarningCode;
  message: string;
  params?: { because?: FieldName };
}

export type ValidationResult =
  | { ok: true; body: string; value: ExtensionUpdateBody; warnings: FieldWarning[] }
  | { ok: false; errors: FieldError[]; warnings: FieldWarning[] };

/** Languages of messages and labels; any other string falls back to "en". */
export type Locale = "en" | "zh-CN";

/** What a message override receives besides the issue. */
export interface MessageContext {
  locale: Locale;
  /** The field's label in the locale (the wire name for keys that are not fields). */
  label: string;
  /** The label of `params.because`, when there is one. */
  becauseLabel?: string | undefined;
}

/** Rewrites one error or warning's message: return the text, or undefined/null to keep the default. */
export type MessageFunction = (
  issue: FieldError | FieldWarning | RequestTargetError,
  context: MessageContext
) => string | undefined | null;

/**
 * `options.messages`: one function for every code, or per code a template or a function.
 * Templates fill `{field}`, `{code}`, `{message}` (the default sentence), the params (`{min}`,
 * `{max}`, `{allowed}`, `{because}`, `{suggestion}`, `{expected}`), `{label}` and
 * `{becauseLabel}`; an unknown placeholder stays as written.
 */
export type MessageOverrides =
  | MessageFunction
  | { readonly [code in ErrorCode | WarningCode | RequestTargetErrorCode]?: string | MessageFunction };

export interface ValidateOptions {
  /** The extension as it is now (e.g. one item of the query API's `extinfos`); cross-field rules see it merged with the update. */
  current?: object | null | undefined;
  /** "error" (default): unknown keys are `unknown_field` errors; "strip": they are dropped. */
  unknownFields?: "error" | "strip" | undefined;
  /** The language of messages: "en" (default) or "zh-CN"; codes and params are the same in every locale. */
  locale?: Locale | (string & {}) | null | undefined;
  /** Your own texts for some or all codes. */
  messages?: MessageOverrides | null | undefined;
}

export type FieldGroup =
  | "user"
  | "registration"
  | "voicemail"
  | "always_forward"
  | "noanswer_forward"
  | "busy_forward"
  | "mobility"
  | "monitoring"
  | "call_limits";

export type FieldKind =
  | "extension_number"
  | "name"
  | "token"
  | "secret"
  | "secret_digits"
  | "integer"
  | "email"
  | "digits"
  | "switch"
  | "destination"
  | "enum";

/** One row of the rule table, as returned by `fields()`. */
export interface FieldMeta {
  name: FieldName;
  label: string;
  group: FieldGroup;
  groupLabel: string;
  kind: FieldKind;
  required: boolean;
  secret: boolean;
  trimmed: boolean;
  blankAllowed: boolean;
  input: Array<"string" | "number" | "boolean">;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  allowed?: string[];
  /** Other accepted input spellings → body spelling (monitormode: { Disable: "Disabled" }). */
  aliases?: Record<string, string>;
  description: string;
}

/** A JSON Schema (draft 2020-12) of the body. */
export interface BodySchema {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  type: "object";
  properties: Record<FieldName, Record<string, unknown>>;
  required: ["extid"];
  additionalProperties: false;
  [keyword: string]: unknown;
}

/**
 * Validates an input object (any value is accepted: a non-object gives a
 * `not_an_object` error). Data errors are returned, never thrown.
 * @throws {TypeError} only when `options` is malformed.
 */
export function validate(input: unknown, options?: ValidateOptions | null): ValidationResult;

/**
 * Validates JSON text; text that does not parse gives one `invalid_json` error.
 * @throws {TypeError} when `text` is not a string or `options` is malformed.
 */
export function validateJson(text: string, options?: ValidateOptions | null): ValidationResult;

/**
 * Validates many payloads in one crossing into wasm: an array of inputs, or the text of a
 * JSON array of them. One result per item, in order. A text that is not a JSON array gives
 * one failed result (`invalid_json`, or `not_an_object` with `params.expected: "array"`).
 */
export function validateMany(inputs: readonly unknown[] | string, options?: ValidateOptions | null): ValidationResult[];

/**
 * Checks one field's value (for live forms); `[]` when it is fine.
 * @throws {TypeError} when `field` is not a string or `options` is malformed.
 */
export function validateField(
  field: FieldName | (string & {}),
  value: unknown,
  options?: ValidateOptions | null
): FieldError[];

/**
 * Returns the request body (compact JSON text) for a valid input.
 * @throws {ValidationError} holding every error when the input is not valid.
 */
export function buildBody(input: ExtensionUpdateInput, options?: ValidateOptions | null): string;

/** One metadata object per field, in wire order (a fresh copy each call); `label` and `groupLabel` in `options.locale`. */
export function fields(options?: { locale?: Locale | (string & {}) | null } | null): FieldMeta[];

/** The JSON Schema of the body (a fresh copy each call). */
export function schema(): BodySchema;

/**
 * A Standard Schema v1 (https://standardschema.dev), written to the spec's shape: assignable to
 * `StandardSchemaV1<ExtensionUpdateInput, ExtensionUpdateBody>` of `@standard-schema/spec`, so
 * form libraries take it as they take a zod or valibot schema. `validate` is synchronous.
 */
export interface ExtensionUpdateStandardSchema {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "yeastar-extension-update";
    readonly validate: (value: unknown) =>
      | { readonly value: ExtensionUpdateBody; readonly issues?: undefined }
      | {
          readonly issues: ReadonlyArray<{
            readonly message: string;
            /** `[field]`; absent for an error about the input as a whole. */
            readonly path?: ReadonlyArray<string> | undefined;
          }>;
        };
    /** Type-level only (for inference); absent at run time. */
    readonly types?: { readonly input: ExtensionUpdateInput; readonly output: ExtensionUpdateBody } | undefined;
  };
}

/** The extension update body as a Standard Schema: `{ value }` (the body, parsed) or `{ issues }`. */
export const extensionUpdateSchema: ExtensionUpdateStandardSchema;

/**
 * One item of the query API's `extinfos` → an update-shaped object: `extid` from `extnumber`,
 * `moblie` read as `mobile`, read-only fields and `loginpassword` (an MD5 hash) left out,
 * unknown keys ignored, values normalised as the body carries them (a value that fails its
 * checks is kept as given, for the form to show and flag).
 * @throws {TypeError} when `extinfo` is not a plain object whose properties can be read.
 */
export function fromQuery(extinfo: object): ExtensionState;

/** An extension's settings as `fromQuery` gives them: body spellings, every value a string. */
export type ExtensionState = { [K in FieldName]?: string };

/** A `validate` result for the minimal update, plus the fields that changed (table order; never extid). */
export type DiffResult = ValidationResult & { changed: FieldName[] };

/**
 * The minimal update from `before` to `after`: `extid` (before's) plus the fields whose normalised
 * value differs (a field `after` leaves out or sets to null/undefined is unchanged; a stored value
 * the rules refuse is not resent while unchanged), validated with `before` as `current`. Another
 * valid `extid` in `after` renumbers the extension (sent as `extnumber`). Keys of `after` that
 * are not fields are reported (or stripped).
 * @throws {TypeError} when `before` or `after` is not a plain object, or `options` is malformed.
 */
export function diff(before: object, after: object, options?: Omit<ValidateOptions, "current"> | null): DiffResult;

/** Where the PBX is. */
export interface RequestTarget {
  /** DNS name (IDN in punycode), IPv4 a.b.c.d, or IPv6 with or without brackets; no scheme, path or port. */
  host: string;
  /** 1–65535, a number or a string of digits; default 8088. */
  port?: number | string | null | undefined;
  /** "v" and dot-separated numbers; default "v1.0.0". */
  version?: string | null | undefined;
  /** From /api/{version}/login. Percent-encoded into the URL; never appears in an error. */
  token: string;
}

export type RequestTargetErrorCode =
  | "required"
  | "blank"
  | "wrong_type"
  | "out_of_range"
  | "invalid_host"
  | "invalid_version"
  | "invalid_chars"
  | "unknown_field";

/** An error about the target (`target.host`, `target.port`, `target.version`, `target.token`, `target.<unknown key>`). */
export interface RequestTargetError {
  field: `target.${string}`;
  code: RequestTargetErrorCode;
  /** One sentence in the locale; never contains the host or the token. */
  message: string;
  params?: { min?: number; max?: number; expected?: "string" | "string or number" };
}

/** What to send: `fetch(r.url, r)` works as is. */
export interface ExtensionUpdateRequest {
  method: "POST";
  url: string;
  headers: { "Content-Type": "application/json" };
  body: string;
}

export type RequestResult =
  | { ok: true; request: ExtensionUpdateRequest; value: ExtensionUpdateBody; warnings: FieldWarning[] }
  | { ok: false; errors: Array<RequestTargetError | FieldError>; warnings: FieldWarning[] };

/**
 * Builds `POST https://{host}:{port}/api/{version}/extension/update?token={token}` with the
 * validated body, or returns every error (the target's first). No network.
 * @throws {TypeError} when `target` is not a plain object or `options` is malformed.
 */
export function request(target: RequestTarget, input: unknown, options?: ValidateOptions | null): RequestResult;

/** The PBX's `errno` codes this package explains (SPEC §6). */
export type KnownErrno =
  | "10002" | "10003" | "10004" | "10006" | "10007" | "10017" | "10025"
  | "20000" | "20001" | "20004" | "20005" | "20006" | "30001";

/** What `explainErrno` says about a code. */
export interface ErrnoExplanation {
  /** The code as a string. */
  errno: KnownErrno | (string & {});
  known: boolean;
  /** What the PBX means. */
  message: string;
  /** What to do, for an extension update. */
  hint: string;
}

/**
 * Explains the PBX's `{"status":"Failed","errno":"…"}`: give the errno (string or number) or
 * the whole answer. Works without wasm (and before `init()` on `./slim`).
 * @throws {TypeError} for anything but a code or an answer with an errno.
 */
export function explainErrno(
  errno: string | number | { status?: string; errno: string | number },
  options?: { locale?: Locale | (string & {}) | null } | null
): ErrnoExplanation;

/** Thrown by `buildBody`. */
export class ValidationError extends Error {
  constructor(errors: FieldError[]);
  name: "ValidationError";
  errors: FieldError[];
}
