// Default entry (browsers, Vite and other bundlers): the wasm bytes are embedded
// in ./wasm/inline.js and instantiated synchronously at import time, so a plain
// <script type="module"> import works with no init call, no top-level await and
// no bundler configuration (the module is small enough for a synchronous compile).
import * as glue from "./wasm/wasm.js";
import { wasmBytes } from "./wasm/inline.js";
import { createApi } from "./api.js";

glue.initSync({ module: wasmBytes() });

export { ValidationError } from "./api.js";
export const { validate, validateJson, validateMany, validateField, buildBody, fields, schema, extensionUpdateSchema, fromQuery, diff, request, explainErrno } = createApi({
  validate: glue.validate,
  validateMany: glue.validateMany,
  validateField: glue.validateField,
  fields: glue.fields,
  schema: glue.schema,
  fromQuery: glue.fromQuery,
  diff: glue.diff,
});
