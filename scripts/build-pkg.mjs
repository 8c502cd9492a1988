#!/usr/bin/env node
// Assembles the npm package in pkg/ from the wasm-bindgen output in build/
// (see `make pkg`) and pkg-template/. Run from anywhere; no dependencies.
//
//   pkg/package.json      generated from Cargo.toml [package]
//   pkg/README.md         copy of pkg-template/README.md
//   pkg/index.js          default entry: embedded wasm, sync init (browsers, bundlers)
//   pkg/slim.js           ./slim entry: async init(), separate wasm file
//   pkg/node.cjs|mjs      Node entries: sync load, no init
//   pkg/api.js|cjs        the API, written once in pkg-template/api.mjs (api.cjs derived by toCommonJs)
//   pkg/index.d.ts        hand-written types + per-field types generated from fields()
//   pkg/slim.d.ts
//   pkg/wasm/wasm.js      wasm-bindgen --target web glue (ESM), minus its default wasm URL
//   pkg/wasm/wasm.cjs     wasm-bindgen --target nodejs glue (CommonJS)
//   pkg/wasm/wasm_bg.wasm shipped once: read by wasm.cjs from its folder, fetched by slim.js
//   pkg/wasm/inline.js    the same bytes as base64, for index.js
//
// The size report goes to stdout and build/size.json (pkg/ holds only what ships).

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TEMPLATE = path.join(ROOT, "pkg-template");
const BUILD = path.join(ROOT, "build");
const PKG = path.join(ROOT, "pkg");

/** Reads the string and string-array keys of the [package] table of a Cargo.toml (enough for our manifest). */
export function parseCargoPackage(text) {
  const out = {};
  let inPackage = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      inPackage = line === "[package]";
      continue;
    }
    if (!inPackage) continue;
    const m = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!m) continue;
    const value = m[2].trim();
    // Basic TOML strings and arrays of them are valid JSON here, except that
    // TOML allows a trailing comment; anything else (tables, literals) is skipped.
    const json = /^("(?:[^"\\]|\\.)*"|\[(?:\s*"(?:[^"\\]|\\.)*"\s*,?)*\s*\])/.exec(value);
    if (json) out[m[1]] = JSON.parse(json[1].replace(/,\s*\]$/, "]"));
  }
  return out;
}

/**
 * Derives the CommonJS twin of an ESM file that has no imports and only
 * `export function|class|const NAME` declarations: drop the `export ` keyword
 * and append `module.exports = { NAME, … }`. Anything else that looks like a
 * module statement fails the build, so the transformation can never be wrong
 * silently.
 */
export function toCommonJs(source) {
  const names = [];
  const body = source.replace(
    /^export\s+(?:async\s+)?(function\*?|class|const)\s+([A-Za-z_$][\w$]*)/gm,
    (whole, kind, name) => {
      names.push(name);
      return whole.replace(/^export\s+/, "");
    }
  );
  const left = /^\s*(import|export)\b/m.exec(body) || /\bimport\s*\(|\bimport\.meta\b/.exec(body);
  if (left) throw new Error(`toCommonJs: unsupported module syntax: ${JSON.stringify(left[0])}`);
  if (names.length === 0) throw new Error("toCommonJs: no exports found");
  return `"use strict";\n// Generated from api.mjs by scripts/build-pkg.mjs: do not edit.\n${body}\nmodule.exports = { ${names.join(", ")} };\n`;
}

// ---------------------------------------------------------------------------
// TypeScript: per-field types from fields().

const lit = (s) => JSON.stringify(s);
const union = (xs) => (xs.length ? xs.join(" | ") : "never");
const DIGITS = /^[0-9]+$/;

// The body type of one field: a literal union where the table has allowed values.
function bodyType(f) {
  return f.allowed ? union(f.allowed.map(lit)) : "string";
}

// The input type of one field (SPEC §2 "Input forms accepted everywhere").
function inputType(f) {
  const types = [];
  if (f.kind === "switch") types.push("SwitchInput");
  else if (f.allowed) {
    // Other accepted spellings (monitormode's "Disable") count as values of the input.
    types.push(`EnumInput<${union([...f.allowed, ...Object.keys(f.aliases ?? {})].map(lit))}>`);
    // ringtimeout, maxduration: their numeric values as numbers too.
    const nums = f.allowed.filter((a) => DIGITS.test(a));
    if (f.input.includes("number") && nums.length) types.push(...nums);
  } else {
    if (f.input.includes("string")) types.push("string");
    if (f.input.includes("number")) types.push("number");
    if (f.input.includes("boolean")) types.push("boolean");
  }
  if (!f.required) types.push("null", "undefined");
  return union(types);
}

// A doc comment from the metadata; a "*/" in the text must not end it early.
const doc = (f) => `  /** ${`${f.label ? f.label + ": " : ""}${f.description ?? ""}`.replace(/\*\//g, "*\\/")} */`;

/** The TypeScript block generated from the fields() metadata. */
export function generateTypes(fields) {
  const lines = ["// ---- GENERATED by scripts/build-pkg.mjs from fields(): do not edit ----", ""];
  lines.push("/** The wire names of the fields, in body order. */");
  lines.push(`export type FieldName =${fields.length ? "\n  | " + fields.map((f) => lit(f.name)).join("\n  | ") : " never"};`);
  lines.push("");
  lines.push("/** The body as sent to the PBX (`value` of a successful result): every value a string. */");
  lines.push("export interface ExtensionUpdateBody {");
  for (const f of fields) lines.push(doc(f), `  ${f.name}${f.required ? "" : "?"}: ${bodyType(f)};`);
  lines.push("}", "");
  lines.push("/** What `buildBody` accepts: the input forms of SPEC §2 (null/undefined = not given). */");
  lines.push("export interface ExtensionUpdateInput {");
  for (const f of fields) lines.push(doc(f), `  ${f.name}${f.required ? "" : "?"}: ${inputType(f)};`);
  lines.push("}", "");
  lines.push("/** Input type of each field, by name. */");
  lines.push("export type FieldInput = { [K in FieldName]-?: Exclude<ExtensionUpdateInput[K], undefined> };");
  lines.push("", "// ---- end of GENERATED ----");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------
// Size report.

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

function sizeOf(files) {
  const per = {};
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(PKG, f));
    per[f] = { raw: buf.length, gzip: gz(buf) };
    raw += per[f].raw;
    gzip += per[f].gzip;
  }
  // Each file is a separate request (served gzip'd), so the total is the sum.
  return { raw, gzip, files: per };
}

// ---------------------------------------------------------------------------

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function mustContain(file, text, needle) {
  if (!text.includes(needle)) {
    throw new Error(`${file}: expected ${JSON.stringify(needle)}; has the wasm-bindgen output changed?`);
  }
}

// The web glue's fallback `new URL('wasm_bg.wasm', import.meta.url)` makes
// bundlers (Vite) emit the wasm file as an asset for every app, although the
// default entry never fetches it. slim.js passes that URL itself, so the glue
// needs none: `wasm-bindgen --omit-default-module-path` leaves it out; older
// invocations get this exact block removed (or the build stops).
const DEFAULT_URL_BLOCK =
  "    if (module_or_path === undefined) {\n        module_or_path = new URL('wasm_bg.wasm', import.meta.url);\n    }\n";
export function withoutDefaultUrl(glue) {
  const out = glue.split(DEFAULT_URL_BLOCK).join("");
  if (/import\.meta/.test(out)) {
    throw new Error("build/web/wasm.js still refers to import.meta: run wasm-bindgen with --omit-default-module-path");
  }
  return out;
}

export function build() {
  const cargo = parseCargoPackage(fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"));
  for (const k of ["name", "version", "description", "license"]) {
    if (!cargo[k]) throw new Error(`Cargo.toml [package] has no ${k}`);
  }

  fs.rmSync(PKG, { recursive: true, force: true });
  fs.mkdirSync(path.join(PKG, "wasm"), { recursive: true });

  // wasm: one file serves both glues, which load `wasm_bg.wasm` from their own
  // folder. Check that assumption instead of patching the glue.
  const webWasm = fs.readFileSync(path.join(BUILD, "web/wasm_bg.wasm"));
  const nodeWasm = fs.readFileSync(path.join(BUILD, "node/wasm_bg.wasm"));
  if (!webWasm.equals(nodeWasm)) throw new Error("build/web and build/node wasm files differ");
  const webGlue = withoutDefaultUrl(fs.readFileSync(path.join(BUILD, "web/wasm.js"), "utf8"));
  const nodeGlue = fs.readFileSync(path.join(BUILD, "node/wasm.js"), "utf8");
  mustContain("build/web/wasm.js", webGlue, "export { initSync, __wbg_init as default }");
  mustContain("build/node/wasm.js", nodeGlue, "`${__dirname}/wasm_bg.wasm`");
  fs.writeFileSync(path.join(PKG, "wasm/wasm_bg.wasm"), webWasm);
  fs.writeFileSync(path.join(PKG, "wasm/wasm.js"), webGlue);
  // .cjs: CommonJS inside a "type": "module" package, no nested package.json needed.
  fs.writeFileSync(path.join(PKG, "wasm/wasm.cjs"), nodeGlue);
  fs.writeFileSync(
    path.join(PKG, "wasm/inline.js"),
    "// Generated by scripts/build-pkg.mjs: wasm/wasm_bg.wasm as base64, for the default entry.\n" +
      `const B64 = "${webWasm.toString("base64")}";\n` +
      "/** The wasm bytes (decoded on each call; called once, at import). */\n" +
      "export function wasmBytes() {\n" +
      '  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(B64);\n' +
      "  const s = atob(B64);\n" +
      "  const b = new Uint8Array(s.length);\n" +
      "  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);\n" +
      "  return b;\n" +
      "}\n"
  );

  // JS entries and the API (ESM source + derived CommonJS twin).
  for (const f of ["index.js", "slim.js", "node.cjs", "node.mjs", "slim.d.ts"]) {
    copy(path.join(TEMPLATE, f), path.join(PKG, f));
  }
  // Shipped as .js (ESM by "type": "module"): browsers importing it without a
  // bundler need a JavaScript MIME type, which some static servers give .js only.
  copy(path.join(TEMPLATE, "api.mjs"), path.join(PKG, "api.js"));
  fs.writeFileSync(path.join(PKG, "api.cjs"), toCommonJs(fs.readFileSync(path.join(TEMPLATE, "api.mjs"), "utf8")));
  copy(path.join(TEMPLATE, "README.md"), path.join(PKG, "README.md"));
  copy(path.join(ROOT, "LICENSE"), path.join(PKG, "LICENSE"));

  const files = ["index.js", "index.d.ts", "index.d.cts", "slim.js", "slim.d.ts", "node.cjs", "node.mjs", "api.js", "api.cjs", "wasm/"];
  const manifest = {
    name: cargo.name,
    version: cargo.version,
    description: cargo.description,
    license: cargo.license,
    ...(cargo.repository && { repository: { type: "git", url: cargo.repository } }),
    ...(cargo.keywords && { keywords: cargo.keywords }),
    type: "module",
    exports: {
      // TypeScript under node16/nodenext needs CommonJS declarations (.d.cts) for
      // `require`, or a .cts consumer gets TS1471; other resolvers read "types".
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
    },
    // For tools that ignore "exports": Node-style resolvers get the sync CJS
    // entry, bundlers reading "module" the browser entry.
    main: "./node.cjs",
    module: "./index.js",
    types: "./index.d.ts",
    files,
    engines: { node: ">=20" },
    // Only these modules do work at import time (they instantiate the wasm);
    // everything else may be dropped by a bundler when unused.
    sideEffects: ["./index.js", "./node.cjs", "./node.mjs", "./wasm/wasm.cjs"],
  };
  fs.writeFileSync(path.join(PKG, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

  // Types: load the package just built and generate the per-field part from its table.
  const require = createRequire(import.meta.url);
  const fieldRows = require(path.join(PKG, "node.cjs")).fields();
  if (fieldRows.length === 0) console.warn("build-pkg: warning: fields() is empty; the generated types are `never`");
  const dts = fs.readFileSync(path.join(TEMPLATE, "index.d.ts"), "utf8");
  mustContain("pkg-template/index.d.ts", dts, "/*@@GENERATED@@*/");
  const fullDts = dts.replace("/*@@GENERATED@@*/", () => generateTypes(fieldRows));
  fs.writeFileSync(path.join(PKG, "index.d.ts"), fullDts);
  // The same declarations read as a CommonJS module (named exports of module.exports).
  fs.writeFileSync(path.join(PKG, "index.d.cts"), fullDts);

  // Everything written must be listed in "files" (npm would silently leave it out).
  for (const f of fs.readdirSync(PKG, { recursive: true })) {
    const top = f.split(path.sep)[0];
    const listed = files.includes(top) || files.includes(top + "/") || ["package.json", "README.md", "LICENSE"].includes(top);
    if (!listed) throw new Error(`pkg/${f} is not listed in "files"`);
  }

  const report = {
    wasm: sizeOf(["wasm/wasm_bg.wasm"]),
    default: sizeOf(["index.js", "api.js", "wasm/wasm.js", "wasm/inline.js"]),
    slim: sizeOf(["slim.js", "api.js", "wasm/wasm.js", "wasm/wasm_bg.wasm"]),
  };
  fs.writeFileSync(path.join(BUILD, "size.json"), JSON.stringify(report, null, 2) + "\n");
  const kb = (n) => (n / 1024).toFixed(1).padStart(6) + " KiB";
  console.log(`pkg/ built: ${manifest.name}@${manifest.version}`);
  console.log("size (raw, gzip -9)                         raw        gzip");
  console.log(`  wasm                                  ${kb(report.wasm.raw)}  ${kb(report.wasm.gzip)}`);
  console.log(`  default entry (JS + embedded wasm)    ${kb(report.default.raw)}  ${kb(report.default.gzip)}`);
  console.log(`  ./slim (JS + separate wasm)           ${kb(report.slim.raw)}  ${kb(report.slim.gzip)}`);
  return report;
}

// Run only as a script, so tests can import the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) build();
