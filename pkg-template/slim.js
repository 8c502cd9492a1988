// `./slim` entry: the same API without the embedded bytes. The wasm file
// (./wasm/wasm_bg.wasm) is fetched by `await init()`, or compiled from whatever
// `init(input)` is given (URL, Response, bytes or WebAssembly.Module).
import initWasm, * as glue from "./wasm/wasm.js";
import { createApi } from "./api.js";

let ready = false;

/** Loads the wasm module; resolves once the API can be used. Safe to call more than once. */
export async function init(input) {
  // The default location is written here, not in the shared glue (the build
  // removes it there): bundlers turn this `new URL(…, import.meta.url)` into an
  // asset only for apps that use ./slim, not for the default entry.
  const source = input === undefined ? new URL("./wasm/wasm_bg.wasm", import.meta.url) : input;
  // The glue's object form avoids its deprecation warning for a bare argument.
  await initWasm({ module_or_path: source });
  ready = true;
}

// Before init the glue would fail with an obscure TypeError inside wasm-bindgen code.
function guard(f) {
  return (...args) => {
    if (!ready) {
      throw new Error(
        "yeastar-extension-update/slim: call `await init()` before using the API " +
          "(or import 'yeastar-extension-update', which needs no init)"
      );
    }
    return f(...args);
  };
}

export { ValidationError } from "./api.js";
export const { validate, validateJson, validateMany, validateField, buildBody, fields, schema, extensionUpdateSchema, fromQuery, diff, request, explainErrno } = createApi({
  validate: guard(glue.validate),
  validateMany: guard(glue.validateMany),
  validateField: guard(glue.validateField),
  fields: guard(glue.fields),
  schema: guard(glue.schema),
  fromQuery: guard(glue.fromQuery),
  diff: guard(glue.diff),
});
