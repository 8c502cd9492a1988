// The package as a CommonJS consumer sees it: require("yeastar-extension-update")
// resolves through the exports map to node.cjs and works with no init call.
"use strict";
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { requirePkg, resolvePkg, checkResult, codes, FIELD_NAMES, ROOT, PKG } = require("./support.cjs");

const api = requirePkg();

test("require() resolves the node/require branch and needs no init", () => {
  assert.equal(resolvePkg(), path.join(PKG, "node.cjs"));
  assert.deepEqual(Object.keys(api).sort(), [
    "ValidationError", "buildBody", "diff", "explainErrno", "extensionUpdateSchema", "fields", "fromQuery", "request", "schema", "validate", "validateField", "validateJson", "validateMany",
  ]);
});

test("package.json is exported and matches Cargo.toml's version", () => {
  const manifest = requirePkg("yeastar-extension-update/package.json");
  const cargo = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8");
  assert.equal(manifest.version, /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1]);
});

test("validate / validateJson / validateField / buildBody", () => {
  assert.deepEqual(checkResult(api.validate({ extid: 1002, dnd: true })), {
    ok: true, body: '{"extid":"1002","dnd":"on"}', value: { extid: "1002", dnd: "on" }, warnings: [],
  });
  assert.deepEqual(codes(checkResult(api.validate({ username: "x" }))), [{ field: "extid", code: "required" }]);
  assert.deepEqual(codes(checkResult(api.validateJson("{"))), [{ field: "", code: "invalid_json" }]);
  assert.deepEqual(api.validateField("dnd", "OFF"), []);
  assert.deepEqual(codes(api.validateField("dnd", "maybe")), [{ field: "dnd", code: "not_allowed_value" }]);
  assert.equal(api.buildBody({ extid: "7" }), '{"extid":"7"}');
  assert.throws(() => api.buildBody({ extid: "x" }), (e) => e instanceof api.ValidationError && e instanceof Error && e.errors[0].code === "not_digits");
});

test("misuse throws TypeError", () => {
  assert.throws(() => api.validateJson({}), TypeError);
  assert.throws(() => api.validateField(1, "x"), TypeError);
  assert.throws(() => api.validate({ extid: "1" }, "strip"), TypeError);
});

test("fields() and schema()", () => {
  assert.deepEqual(api.fields().map((f) => f.name), FIELD_NAMES);
  const s = api.schema();
  assert.equal(s.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(s.additionalProperties, false);
  assert.deepEqual(s.required, ["extid"]);
});
