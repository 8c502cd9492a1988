// What `make pkg` ships: the manifest, the file set, one wasm file, the derived
// CommonJS API, the generated types, the size report; and unit tests of the
// helpers of scripts/build-pkg.mjs.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import support from "./support.cjs";
import { parseCargoPackage, toCommonJs, generateTypes, withoutDefaultUrl, inlineModule, minifyForBrowsers } from "../../scripts/build-pkg.mjs";

const { ROOT, PKG, FIELD_NAMES, resolvePkg, requirePkg } = support;
const read = (f) => fs.readFileSync(path.join(PKG, f), "utf8");
const manifest = JSON.parse(read("package.json"));

describe("package.json", () => {
  test("name, version, description, license, repository from Cargo.toml", () => {
    const cargo = parseCargoPackage(fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"));
    for (const k of ["name", "version", "description", "license"]) assert.equal(manifest[k], cargo[k], k);
    assert.equal(manifest.repository?.url, cargo.repository);
  });

  test("exports map, entry fields, engines, module type", () => {
    assert.equal(manifest.type, "module");
    assert.deepEqual(manifest.exports, {
      ".": {
        node: {
          import: { types: "./index.d.ts", default: "./node.mjs" },
          require: { types: "./index.d.cts", default: "./node.cjs" },
        },
        types: "./index.d.ts",
        default: "./index.js",
      },
      "./slim": { types: "./slim.d.ts", default: "./slim.js" },
      "./package.json": "./package.json",
    });
    assert.equal(manifest.main, "./node.cjs");
    assert.equal(manifest.module, "./index.js");
    assert.equal(manifest.types, "./index.d.ts");
    assert.deepEqual(manifest.engines, { node: ">=20" });
    assert.ok(!("dependencies" in manifest));
  });

  test("every path named in the manifest exists", () => {
    const paths = [manifest.main, manifest.module, manifest.types, ...manifest.sideEffects];
    JSON.stringify(manifest.exports, (k, v) => (typeof v === "string" && paths.push(v), v));
    for (const p of paths) assert.ok(fs.existsSync(path.join(PKG, p)), p);
  });

  test("sideEffects lists exactly the modules that instantiate wasm at import", () => {
    assert.deepEqual(manifest.sideEffects, ["./index.js", "./node.cjs", "./node.mjs", "./wasm/wasm.cjs"]);
  });

  test("the exports map resolves for require", () => {
    assert.equal(resolvePkg(), path.join(PKG, "node.cjs"));
    assert.equal(resolvePkg("yeastar-extension-update/package.json"), path.join(PKG, "package.json"));
    assert.throws(() => resolvePkg("yeastar-extension-update/api.cjs"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
  });
});

describe("shipped files", () => {
  const all = fs.readdirSync(PKG, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => path.relative(PKG, path.join(d.parentPath ?? d.path, d.name)).split(path.sep).join("/")).sort();

  test("exactly the expected set", () => {
    assert.deepEqual(all, [
      "LICENSE", "README.md", "api.cjs", "api.js", "index.d.cts", "index.d.ts", "index.js", "node.cjs", "node.mjs", "package.json",
      "slim.d.ts", "slim.js", "wasm/inline.js", "wasm/wasm.cjs", "wasm/wasm.js", "wasm/wasm_bg.wasm",
    ]);
  });

  test("npm pack would ship all of them", { skip: !hasNpm() && "npm not found" }, () => {
    const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PKG, encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const [info] = JSON.parse(r.stdout);
    assert.deepEqual(info.files.map((f) => f.path).sort(), all);
  });

  test("one wasm file, the one wasm-bindgen built", () => {
    assert.deepEqual(all.filter((f) => f.endsWith(".wasm")), ["wasm/wasm_bg.wasm"]);
    assert.ok(fs.readFileSync(path.join(PKG, "wasm/wasm_bg.wasm")).equals(fs.readFileSync(path.join(ROOT, "build/web/wasm_bg.wasm"))));
  });

  test("the shared web glue has no default wasm URL (bundlers emit the file only for ./slim)", () => {
    assert.doesNotMatch(read("wasm/wasm.js"), /import\.meta|wasm_bg\.wasm/);
    assert.match(read("slim.js"), /new URL\("\.\/wasm\/wasm_bg\.wasm", import\.meta\.url\)/);
    const glue = "a\n    if (module_or_path === undefined) {\n        module_or_path = new URL('wasm_bg.wasm', import.meta.url);\n    }\nb\n";
    assert.equal(withoutDefaultUrl(glue), "a\nb\n");
    assert.equal(withoutDefaultUrl("a\nb\n"), "a\nb\n"); // wasm-bindgen --omit-default-module-path
    assert.throws(() => withoutDefaultUrl("x = new URL('other.wasm', import.meta.url);"), /omit-default-module-path/);
  });

  test("README is the template", () => {
    assert.equal(read("README.md"), fs.readFileSync(path.join(ROOT, "pkg-template/README.md"), "utf8"));
  });

  test("size report in build/size.json, within the issue's budget (default entry ≤ 60 KB gzip)", () => {
    const size = JSON.parse(fs.readFileSync(path.join(ROOT, "build/size.json"), "utf8"));
    for (const k of ["wasm", "default", "slim"]) {
      assert.ok(size[k].raw > 0 && size[k].gzip > 0 && size[k].gzip < size[k].raw, k);
    }
    assert.equal(size.wasm.raw, fs.statSync(path.join(PKG, "wasm/wasm_bg.wasm")).size);
    assert.ok(size.default.gzip <= 60_000, `default entry: ${size.default.gzip} bytes gzip`);
  });
});

describe("api.cjs is derived from api.mjs", () => {
  test("pkg/api.js = pkg-template/pbx.mjs + api.mjs, minified; pkg/api.cjs = toCommonJs(it), same exports", async () => {
    const source = ["pbx.mjs", "api.mjs"].map((f) => fs.readFileSync(path.join(ROOT, "pkg-template", f), "utf8")).join("\n");
    assert.equal(read("api.js"), minifyForBrowsers(source, "pkg-template/pbx.mjs + api.mjs (readable: api.cjs)"));
    assert.ok(read("api.js").length < source.length * 0.7, "minified");
    assert.equal(read("api.cjs"), toCommonJs(source));
    const esm = await import(pathToFileURL(path.join(PKG, "api.js")).href);
    const cjs = requirePkg(path.join(PKG, "api.cjs"));
    assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  });

  test("toCommonJs: function, async function, generator, class and const exports", () => {
    const src = [
      "const hidden = 1;",
      "export function f(a) { return a + hidden; }",
      "export async function g() { return 2; }",
      "export function* h() { yield 3; }",
      "export class C extends Error {}",
      "export const k = 4;",
      "// export in a comment, and a string: 'export function x'",
    ].join("\n");
    const out = toCommonJs(src);
    const module = { exports: {} };
    new Function("module", "exports", out)(module, module.exports);
    assert.deepEqual(Object.keys(module.exports), ["f", "g", "h", "C", "k"]);
    assert.equal(module.exports.f(1), 2);
    assert.equal(module.exports.h().next().value, 3);
    assert.ok(new module.exports.C() instanceof Error);
    assert.equal(module.exports.k, 4);
    assert.ok(!/^export\b/m.test(out));
  });

  test("toCommonJs refuses what it cannot translate", () => {
    for (const src of [
      'import x from "y";\nexport const a = 1;',
      "export default function () {}",
      "const a = 1;\nexport { a };",
      "export const { a, b } = obj;",
      "export * from './x.js';",
      "export function f() { return import.meta.url; }",
      "export async function f() { return import('./x.js'); }",
      "const a = 1;",
    ]) {
      assert.throws(() => toCommonJs(src), /toCommonJs/, src);
    }
  });
});

describe("build helpers", () => {
  test("parseCargoPackage reads only [package]", () => {
    const toml = [
      "# comment",
      "[package]",
      'name = "demo-crate"',
      'version = "1.2.3" # trailing comment',
      'description = "Says \\"hi\\"; no network."',
      'keywords = ["a", "b",]',
      "edition = 2021",
      "[dependencies]",
      'version = "9.9.9"',
      "[lib]",
      'name = "other"',
    ].join("\n");
    assert.deepEqual(parseCargoPackage(toml), {
      name: "demo-crate", version: "1.2.3", description: 'Says "hi"; no network.', keywords: ["a", "b"],
    });
  });

  test("generateTypes: unions, optionality, input forms", () => {
    const ts = generateTypes([
      { name: "extid", kind: "extension_number", required: true, input: ["string", "number"], label: "Extension number", description: "The number" },
      { name: "dnd", kind: "switch", required: false, input: ["string", "boolean"], allowed: ["on", "off"], label: "DND", description: "*/ sneaky" },
      { name: "ringtimeout", kind: "enum", required: false, input: ["string", "number"], allowed: ["15", "30"], label: "", description: "" },
      { name: "monitormode", kind: "enum", required: false, input: ["string"], allowed: ["Barge-in"], label: "", description: "" },
    ]);
    assert.match(ts, /export type FieldName =\n {2}\| "extid"\n {2}\| "dnd"\n {2}\| "ringtimeout"\n {2}\| "monitormode";/);
    assert.match(ts, /^ {2}extid: string;$/m);
    assert.match(ts, /^ {2}dnd\?: "on" \| "off";$/m);
    assert.match(ts, /^ {2}ringtimeout\?: "15" \| "30";$/m);
    assert.match(ts, /^ {2}extid: string \| number;$/m);
    assert.match(ts, /^ {2}dnd\?: SwitchInput \| null \| undefined;$/m);
    assert.match(ts, /^ {2}ringtimeout\?: EnumInput<"15" \| "30"> \| 15 \| 30 \| null \| undefined;$/m);
    assert.match(ts, /^ {2}monitormode\?: EnumInput<"Barge-in"> \| null \| undefined;$/m);
    assert.ok(!ts.includes("*/ sneaky"), "a description cannot close the doc comment");
    for (const line of ts.split("\n").filter((l) => l.includes("/**"))) assert.match(line, /^\s*\/\*\*.*\*\/$/, line);
    assert.match(generateTypes([]), /export type FieldName = never;/);
  });

  test("pkg/index.d.ts carries the types generated from this build's fields()", () => {
    const dts = read("index.d.ts");
    assert.ok(dts.includes(generateTypes(requirePkg().fields())));
    assert.ok(!dts.includes("@@GENERATED@@"));
    for (const name of FIELD_NAMES) assert.ok(dts.includes(`| "${name}"`), name);
  });
});

function hasNpm() {
  return spawnSync("npm", ["--version"], { encoding: "utf8" }).status === 0;
}

describe("the default entry's embedded wasm", () => {
  test("inlineModule round-trips every byte value, and pkg/wasm/inline.js holds the shipped wasm", async () => {
    const all = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);
    const tmp = path.join(fs.mkdtempSync(path.join(ROOT, "build/inline-")), "inline.mjs");
    fs.writeFileSync(tmp, inlineModule(Buffer.concat([all, Buffer.from("\0" + "1\\\"\n\r\0")])));
    const { wasmBytes } = await import(pathToFileURL(tmp).href);
    assert.deepEqual(Buffer.from(wasmBytes()), Buffer.concat([all, Buffer.from("\0" + "1\\\"\n\r\0")]));
    fs.rmSync(path.dirname(tmp), { recursive: true });
    const shipped = await import(pathToFileURL(path.join(PKG, "wasm/inline.js")).href);
    assert.ok(Buffer.from(shipped.wasmBytes()).equals(fs.readFileSync(path.join(PKG, "wasm/wasm_bg.wasm"))));
  });
});
