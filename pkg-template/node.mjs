// Node entry for import: re-exports node.cjs, so `import` and `require()` share
// one wasm instance and one ValidationError class (Node >= 20.0 has no
// require(esm), so the CommonJS side is the one that owns the instance).
import api from "./node.cjs";

export const { validate, validateJson, validateMany, validateField, buildBody, fields, schema, extensionUpdateSchema, fromQuery, diff, request, explainErrno, ValidationError } = api;
