// The ./slim entry (ESM, for browsers that fetch the wasm separately): the API
// throws a clear Error until init() has resolved, then works like the main entry.
// In Node, init() is given the bytes (fetch has no file: URLs).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import support from "./support.cjs";

const { PKG, FIELD_NAMES, checkResult, importPkg, requirePkg } = support;
const slim = await importPkg("yeastar-extension-update/slim");
const API = ["validate", "validateJson", "validateMany", "validateField", "buildBody", "fields", "schema", "fromQuery", "diff", "request", "explainErrno"];
const wasmBytes = () => fs.readFileSync(path.join(PKG, "wasm/wasm_bg.wasm"));

test("exports: the API, ValidationError and init", () => {
  assert.deepEqual(Object.keys(slim).sort(), ["ValidationError", ...API, "extensionUpdateSchema", "init"].sort());
});

test("before init every API function throws an Error that says to call init()", () => {
  const args = {
    validate: [{ extid: "1" }], validateJson: ['{"extid":"1"}'], validateMany: [[{ extid: "1" }]], validateField: ["extid", "1"],
    buildBody: [{ extid: "1" }], fields: [], schema: [], fromQuery: [{ extnumber: "1" }], diff: [{ extid: "1" }, { extid: "1" }],
    request: [{ host: "pbx", token: "t" }, { extid: "1" }],
  };
  for (const name of API.filter((n) => n !== "explainErrno")) {
    assert.throws(() => slim[name](...args[name]), (e) => e instanceof Error && /init\(\)/.test(e.message), name);
  }
  // Pure JS, no wasm: it works before init.
  assert.equal(slim.explainErrno("10006").known, true);
});

test("a failed init rejects and leaves the API guarded", async () => {
  await assert.rejects(slim.init(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])));
  assert.throws(() => slim.validate({ extid: "1" }), /init\(\)/);
});

test("after init (bytes) the API works and matches the main entry", async () => {
  assert.equal(await slim.init(wasmBytes()), undefined);
  await slim.init(); // a second call is a no-op, even without an argument
  const main = requirePkg();
  const inputs = [{ extid: 1002, dnd: true, ringtimeout: 30 }, { extid: "x", moblie: "" }, [], { extid: "1", enablemobile: "on" }];
  for (const input of inputs) assert.deepEqual(checkResult(slim.validate(input)), main.validate(input));
  assert.deepEqual(slim.validateField("dnd", "maybe"), main.validateField("dnd", "maybe"));
  assert.deepEqual(checkResult(slim.validateJson("{")), main.validateJson("{"));
  assert.equal(slim.buildBody({ extid: "7" }), '{"extid":"7"}');
  assert.throws(() => slim.buildBody({}), slim.ValidationError);
  assert.deepEqual(slim.fields().map((f) => f.name), FIELD_NAMES);
  assert.deepEqual(slim.schema(), main.schema());
});

test("init also accepts a compiled WebAssembly.Module", async () => {
  // Same glue instance: already initialised, so this only checks the call shape resolves.
  await slim.init(new WebAssembly.Module(wasmBytes()));
  assert.equal(slim.validate({ extid: "1" }).ok, true);
});
