// Node entry for require(): the CommonJS wasm-bindgen glue reads and compiles
// the wasm file synchronously when it is first required, so no init is needed.
"use strict";
const { createApi, ValidationError } = require("./api.cjs");
module.exports = { ...createApi(require("./wasm/wasm.cjs")), ValidationError };
