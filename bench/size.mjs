// What a browser downloads: each peer bundled with esbuild (minified, ESM, browser
// platform, tree-shaken: an entry that imports the peer and calls it), gzipped at level 9;
// ours from build/size.json (written by `make pkg`: the default entry's files, each
// gzipped). Prints a table and writes build/bench-size.json.
//
//   node bench/size.mjs
//
// Extra rows, for context: ours bundled by esbuild the same way (one file), ours `./slim`
// (JS + separate .wasm), and ajv precompiled with its standalone code generator (no ajv
// compiler shipped, no `new Function`, so it also works under a strict CSP).
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { isDeepStrictEqual } from "node:util";
import * as esbuild from "esbuild";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { corpus } from "./corpus.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const TMP = resolve(ROOT, "build/bench-size");
const OUT = resolve(ROOT, process.env.BENCH_SIZE_OUT || "build/bench-size.json");
mkdirSync(TMP, { recursive: true });

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

async function bundle(name, entrySource) {
  const r = await esbuild.build({
    stdin: { contents: entrySource, resolveDir: HERE, sourcefile: `${name}-entry.mjs`, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = r.outputFiles[0].contents;
  writeFileSync(resolve(TMP, `${name}.min.js`), code);
  return { raw: code.length, gzip: gz(code) };
}

// The entry a page would have: import the validator, call it on a form's values.
const entry = (from) => `import { validate } from ${JSON.stringify(from)};\nglobalThis.result = validate(globalThis.formValues);\n`;

const rows = [];

// Ours, as `make pkg` measured it.
const sizeJson = resolve(ROOT, "build/size.json");
if (!existsSync(sizeJson)) {
  console.error("bench/size: build/size.json is missing: run `make pkg` first");
  process.exit(1);
}
const ours = JSON.parse(readFileSync(sizeJson, "utf8"));
rows.push({ name: "ours: default entry (index.js + api.js + glue + embedded wasm)", kind: "ours", raw: ours.default.raw, gzip: ours.default.gzip, how: "build/size.json, each file gzipped" });
if (ours.slim) rows.push({ name: "ours: ./slim (JS + separate .wasm)", kind: "ours-extra", raw: ours.slim.raw, gzip: ours.slim.gzip, how: "build/size.json" });
if (existsSync(resolve(ROOT, "pkg/index.js"))) {
  rows.push({ name: "ours: default entry bundled by esbuild (one file)", kind: "ours-extra", ...(await bundle("ours", entry("../pkg/index.js"))), how: "esbuild" });
}

for (const peer of ["ajv", "zod", "valibot", "plain"]) {
  rows.push({ name: peer, kind: "peer", ...(await bundle(peer, entry(`./peers/${peer}.mjs`))), how: "esbuild" });
}

// ajv precompiled (standalone): generate the validation code, check it agrees with the
// runtime-compiled peer on the corpus, then bundle it with the normalise step.
{
  const { jsonSchema, makeValidate } = await import("./peers/ajv-schema.mjs");
  const { validate: runtimeValidate } = await import("./peers/ajv.mjs");
  const ajv = new Ajv2020({ allErrors: true, code: { source: true } });
  const file = resolve(TMP, "ajv-standalone-check.cjs");
  writeFileSync(file, standaloneCode(ajv, ajv.compile(jsonSchema)));
  const check = createRequire(import.meta.url)(file);
  const validate = makeValidate(check);
  for (const { name, input } of corpus()) {
    const a = validate(input);
    const b = runtimeValidate(input);
    if (!isDeepStrictEqual(a, b)) {
      console.error(`bench/size: ajv standalone disagrees with ajv on ${name}`);
      process.exit(1);
    }
  }
  const src = `import check from ${JSON.stringify(file)};\nimport { makeValidate } from "./peers/ajv-schema.mjs";\nconst validate = makeValidate(check);\nglobalThis.result = validate(globalThis.formValues);\n`;
  rows.push({ name: "ajv, precompiled (standalone code, no compiler)", kind: "peer-extra", ...(await bundle("ajv-standalone", src)), how: "esbuild" });
}

// ---- report --------------------------------------------------------------------------------
const base = rows[0].gzip;
const fmt = (n) => n.toLocaleString("en");
const W = [62, 11, 11, 14];
const line = (c) => c.map((x, i) => (i === 0 ? String(x).padEnd(W[i]) : String(x).padStart(W[i]))).join(" ");
const out = [];
out.push("Size: what a browser downloads (gzip -9), peers bundled by esbuild (minified, ESM, browser, tree-shaken)");
out.push("");
out.push(line(["", "raw B", "gzip B", "gzip ÷ ours"]));
out.push("-".repeat(W.reduce((a, b) => a + b + 1, 0)));
for (const r of rows) out.push(line([r.name, fmt(r.raw), fmt(r.gzip), (r.gzip / base).toFixed(2)]));
const smallestPeer = rows.filter((r) => r.kind === "peer").reduce((a, b) => (b.gzip < a.gzip ? b : a));
const target = { target: "default entry ≤ 30 KB gzipped (30,720 B)", value: base, met: base <= 30 * 1024 };
out.push("");
out.push(`target ${target.met ? "MET   " : "MISSED"} ${target.target}: ${fmt(base)} B`);
out.push(`smallest peer: ${smallestPeer.name} ${fmt(smallestPeer.gzip)} B; ajv (runtime) ${fmt(rows.find((r) => r.name === "ajv").gzip)} B`);
console.log(out.join("\n"));

const versions = Object.fromEntries(
  ["ajv", "zod", "valibot", "esbuild"].map((p) => [p, JSON.parse(readFileSync(resolve(ROOT, "node_modules", p, "package.json"), "utf8")).version])
);
writeFileSync(OUT, JSON.stringify({ versions, rows, target, date: new Date().toISOString() }, null, 2) + "\n");
console.log(`wrote ${OUT}`);
