// The default entry (index.js: browsers, Vite, other bundlers) run in Node by its
// path (in Node the exports map picks node.mjs instead). It must instantiate
// the embedded wasm at import, with no init call and no Node-only API.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import support from "./support.cjs";

const { PKG, FIELD_NAMES, checkResult, requirePkg } = support;
const web = await import(pathToFileURL(path.join(PKG, "index.js")).href);
const main = requirePkg();

test("works at import, with the same results as the Node entry", () => {
  const inputs = [
    { extid: 1002, username: " Ina Tang ", hasvoicemail: true, atransferto: "voicemail", maxduration: 600 },
    { extid: "x", registerpassword: "a b", moblie: "" },
    { extid: "1", noanswerforward: "on", ntransferto: "Custom Number" },
    null,
  ];
  for (const input of inputs) assert.deepEqual(checkResult(web.validate(input)), main.validate(input));
  assert.deepEqual(web.validateJson("[1"), main.validateJson("[1"));
  assert.deepEqual(web.validateField("email", "x@"), main.validateField("email", "x@"));
  assert.deepEqual(web.fields().map((f) => f.name), FIELD_NAMES);
  assert.deepEqual(web.schema(), main.schema());
  assert.throws(() => web.buildBody({}), web.ValidationError);
});

test("it is a separate instance from the Node entry (different glue), same API", () => {
  assert.notEqual(web.validate, main.validate);
  assert.deepEqual(Object.keys(web).sort(), Object.keys(main).sort());
});

test("browser files use no Node-only API, no top-level await, no bare imports", () => {
  for (const f of ["index.js", "slim.js", "api.js", "wasm/wasm.js", "wasm/inline.js"]) {
    const src = fs.readFileSync(path.join(PKG, f), "utf8");
    assert.doesNotMatch(src, /\brequire\s*\(|__dirname|\bprocess\.|\bBuffer\b|from\s+["']node:/, f);
    // Top-level statements start at column 0 in these files.
    assert.doesNotMatch(src, /^await\b|^(export\s+)?(const|let|var)\s+[^=]+=\s*await\b/m, f);
    for (const [, spec] of src.matchAll(/\bfrom\s+["']([^"']+)["']/g)) assert.match(spec, /^\.\.?\//, `${f} imports ${spec}`);
  }
});

test("the embedded bytes are the shipped wasm file", async () => {
  const { wasmBytes } = await import(pathToFileURL(path.join(PKG, "wasm/inline.js")).href);
  assert.ok(Buffer.from(wasmBytes()).equals(fs.readFileSync(path.join(PKG, "wasm/wasm_bg.wasm"))));
});
