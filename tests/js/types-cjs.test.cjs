// A TypeScript project written in CommonJS (.cts, module node16) type-checks against the
// package through its "exports" map: the `require` branch has its own .d.cts.
"use strict";
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { consumerDir } = require("./support.cjs");

const TSC = path.resolve(__dirname, "../../node_modules/.bin/tsc");

test("a .cts consumer (module node16) type-checks, and wrong literals fail", () => {
  const dir = consumerDir();
  const good = path.join(dir, "good.cts");
  fs.writeFileSync(
    good,
    [
      'import api = require("yeastar-extension-update");',
      'const r = api.validate({ extid: "1" });',
      "if (r.ok) { const dnd: 'on' | 'off' | undefined = r.value.dnd; void dnd; }",
      'api.buildBody({ extid: 1002, dnd: true, atransferto: "Voicemail" });',
      "",
    ].join("\n")
  );
  const args = ["--noEmit", "--strict", "--module", "node16", "--moduleResolution", "node16", "--lib", "es2022,dom"];
  execFileSync(TSC, [...args, good], { cwd: dir, stdio: "pipe" });
  const bad = path.join(dir, "bad.cts");
  fs.writeFileSync(bad, 'import api = require("yeastar-extension-update");\napi.buildBody({ extid: "1", dnd: "maybe" });\n');
  assert.throws(() => execFileSync(TSC, [...args, bad], { cwd: dir, stdio: "pipe" }), (e) => /TS2322/.test(String(e.stdout)));
});
