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
  /** One English sentence; never contains the value of a secret field. */
  message: string;
  params?: ErrorParams;
}

export type ValidationResult =
  | { ok: true; body: string; value: ExtensionUpdateBody }
  | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /** The extension as it is now (e.g. one item of the query API's `extinfos`); cross-field rules see it merged with the update. */
  current?: object | null | undefined;
  /** "error" (default): unknown keys are `unknown_field` errors; "strip": they are dropped. */
  unknownFields?: "error" | "strip" | undefined;
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

/** One metadata object per field, in wire order (a fresh copy each call). */
export function fields(): FieldMeta[];

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

/** Thrown by `buildBody`. */
export class ValidationError extends Error {
  constructor(errors: FieldError[]);
  name: "ValidationError";
  errors: FieldError[];
}
