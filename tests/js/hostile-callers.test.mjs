// Hostile JS callers in Node (issue 5, item 3): the built package, loaded through its exports
// map like every JS test, against the cases shared with Chromium
// (tests/browser/fixtures/hostile-cases.js: Proxies with throwing traps, getters, frozen and
// null-prototype objects, class instances, Map/Date/typed arrays, cycles, 10 MB strings,
// 100,000 keys, deep nesting), plus what only Node has (other realms, Buffer), and one million
// mixed calls with the wasm linear memory sampled: it must stop growing after the warm-up.
//
// MIXED_CALLS=n changes the number of mixed calls (default 1,000,000). The memory figures are
// printed as a test diagnostic (`node --test` shows them; `# memory …`).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import support from "./support.cjs";
import { hostileCases, mixedCalls, runCase, stillWorks } from "../browser/fixtures/hostile-cases.js";

const { PKG, importPkg, codes, checkResult } = support;
const api = await importPkg();
// The wasm-bindgen glue the package entries load (pkg/node.cjs requires this very file, so
// Node's module cache gives the same instance); memoryBytes() is its diagnostic export.
const glue = createRequire(import.meta.url)(path.join(PKG, "wasm", "wasm.cjs"));
const MiB = 1 << 20;
const CALLS = Number(process.env.MIXED_CALLS ?? 1_000_000);

// Measured first, before the 10 MB cases raise the high-water mark.
describe("one wasm instance under a million mixed calls", () => {
  assert.equal(typeof glue.memoryBytes, "function", "the glue has no memoryBytes() export: rebuild the package (make pkg)");
  test(`${CALLS.toLocaleString("en")} calls: valid, invalid, hostile, validateField, validateJson, validateMany`, (t) => {
    const run = mixedCalls(api, glue.memoryBytes, { calls: CALLS, every: Math.max(1, Math.floor(CALLS / 20)) });
    assert.equal(run.failure, null, run.failure);
    const afterWarmup = run.memory.find((m) => m.at >= Math.min(CALLS, 100_000));
    const last = run.memory.at(-1);
    const peak = Math.max(...run.memory.map((m) => m.bytes));
    const mib = (b) => `${(b / MiB).toFixed(2)} MiB`;
    t.diagnostic(
      `memory: ${mib(run.memory[0].bytes)} at the start, ${mib(afterWarmup.bytes)} after ${afterWarmup.at.toLocaleString("en")} calls, ` +
        `${mib(last.bytes)} after ${last.at.toLocaleString("en")} (peak ${mib(peak)}); ${run.ms} ms; ${JSON.stringify(run.counts)}`,
    );
    // The warm-up (every pool entry once, the 1 MB inputs first) reaches the high-water mark;
    // from there on the memory must not grow at all: a leak of even one byte per call would
    // show as pages after 900,000 calls.
    assert.equal(last.bytes, afterWarmup.bytes, `memory grew after the warm-up: ${JSON.stringify(run.memory)}`);
    assert.ok(peak <= 32 * MiB, `peak ${mib(peak)} over the 32 MiB bound`);
    assert.equal(stillWorks(api), null);
  });

  test("memoryBytes() reads the instance the package uses", () => {
    // (Run after the mix, whose figures would otherwise start from this call's high-water mark.)
    const before = glue.memoryBytes();
    const r = api.validateJson(`{"extid":"1","x":"${"a".repeat(before + 8 * MiB)}"}`, { unknownFields: "strip" });
    assert.equal(r.body, '{"extid":"1"}');
    assert.ok(glue.memoryBytes() > before, "a large call through the package grew this instance's memory");
  });
});

describe("hostile callers (cases shared with Chromium)", () => {
  for (const c of hostileCases()) {
    test(c.name, c.todo ? { todo: c.todo } : {}, () => {
      const r = runCase(api, c);
      assert.ok(r.pass, r.why);
    });
  }

  test("repeated 10 MB calls do not grow the memory further", () => {
    const big = { extid: "1", username: "é".repeat(10 * MiB) };
    api.validate(big);
    const high = glue.memoryBytes();
    for (let i = 0; i < 5; i++) assert.deepEqual(codes(api.validate(big)), [{ field: "username", code: "too_long" }]);
    assert.equal(glue.memoryBytes(), high);
  });
});

describe("what only Node has", () => {
  test("objects from another realm (vm) are read like local ones", () => {
    const other = vm.runInNewContext(`({
      plain: { extid: "1", username: "Amy" },
      bare: Object.assign(Object.create(null), { extid: "2" }),
      array: [{ extid: "1" }],
      date: new Date(0),
      map: new Map([["extid", "1"]]),
      proxy: new Proxy({ extid: "1" }, { ownKeys() { throw new Error("other realm"); } }),
      current: { enablemobile: "on", moblie: "" },
    })`);
    assert.equal(checkResult(api.validate(other.plain)).body, '{"extid":"1","username":"Amy"}');
    assert.equal(checkResult(api.validate(other.bare)).body, '{"extid":"2"}');
    for (const name of ["array", "date", "map", "proxy"]) {
      assert.deepEqual(codes(checkResult(api.validate(other[name]))), [{ field: "", code: "not_an_object" }], name);
    }
    assert.deepEqual(codes(checkResult(api.validate({ extid: "1" }, { current: other.current }))), [{ field: "mobile", code: "required_if" }]);
    // A TypeError from this realm for misuse, whatever realm the bad option came from.
    assert.throws(() => api.validate({ extid: "1" }, { current: other.array }), TypeError);
  });

  test("Buffer and other Node objects", () => {
    for (const value of [Buffer.from('{"extid":"1"}'), new URL("http://x/"), new URLSearchParams("extid=1"), new AbortController().signal]) {
      assert.deepEqual(codes(checkResult(api.validate(value))), [{ field: "", code: "not_an_object" }], String(value));
      assert.deepEqual(codes(api.validateField("extid", value)), [{ field: "extid", code: "wrong_type" }]);
    }
    assert.throws(() => api.validateJson(Buffer.from('{"extid":"1"}')), TypeError);
  });
});
