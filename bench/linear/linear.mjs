// Linear cost through the npm package (issue 5, item 4): the shapes of shapes.jsonl as JSON
// text (validateJson / validateMany), and three as JS objects (validate / validateMany), at
// growing sizes up to 10 MB; prints size → time → time per byte and the exponent of a log-log
// fit (1.00 = linear). A benchmark, not a test: nothing is asserted.
//
//   node bench/linear/linear.mjs [--max-mb 10] [--shape NAME]      (needs `make pkg`)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG = path.resolve(HERE, "../../pkg");
const api = createRequire(import.meta.url)(path.join(PKG, "node.cjs"));
const args = process.argv.slice(2);
const arg = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const MAX = Math.round(Number(arg("--max-mb") ?? 10) * (1 << 20));
const ONLY = arg("--shape");

const sizes = [];
for (let s = 10 * 1024; s < MAX; s *= 4) sizes.push(s);
sizes.push(MAX);

/** Key `i` two edits from registerpassword (as in src/main.rs). */
const ALPHABET = "0123456789!#$%&'()*+,-./:;<=>?@[]^_`{|}~ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const PAIRS = [];
for (let p = 0; p < 16; p++) for (let q = p + 1; q < 16; q++) PAIRS.push([p, q]);
function nearMiss(i) {
  const [p, q] = PAIRS[i % PAIRS.length];
  const n = Math.floor(i / PAIRS.length);
  const key = [..."registerpassword"];
  key[p] = ALPHABET[n % ALPHABET.length];
  key[q] = ALPHABET[Math.floor(n / ALPHABET.length) % ALPHABET.length];
  return key.join("");
}

/** Text shapes: prefix + unit × n + suffix (+ close × n + end). */
function buildText(shape, size) {
  const close = shape.close ?? "", suffix = shape.suffix ?? "", end = shape.end ?? "";
  const bytes = (s) => Buffer.byteLength(s);
  const parts = [shape.prefix ?? ""];
  let len = bytes(parts[0]);
  for (let n = 0; ; n++) {
    // (Replacer functions: a replacement string would read `$'` and the like as patterns.)
    const u = shape.unit.replaceAll("#", () => String(n)).replaceAll("@", () => nearMiss(n));
    const ulen = bytes(u);
    if (len + ulen + bytes(close) * (n + 1) + bytes(suffix) + bytes(end) > size) {
      return parts.join("") + suffix + close.repeat(n) + end;
    }
    parts.push(u);
    len += ulen;
  }
}

const textShapes = readFileSync(path.join(HERE, "shapes.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l)).filter((s) => s.name);
const shapes = textShapes.map((s) => ({
  name: `${s.name} (text)`,
  what: s.what,
  build: (size) => buildText(s, size),
  run: s.batch ? (t) => api.validateMany(t) : s.strip ? (t) => api.validateJson(t, { unknownFields: "strip" }) : (t) => api.validateJson(t),
}));
// JS objects: the size is that of the object's JSON text.
const FULL = JSON.parse(textShapes.find((s) => s.name === "batch of valid bodies").unit.slice(0, -1));
shapes.push(
  {
    name: "long string value (object)", what: "validate({ extid, username: 'Ωmega …' })",
    build: (size) => ({ extid: "1", username: "Ωmega ".repeat(Math.floor((size - 30) / 7)) }), // 7 bytes a unit
    run: (o) => api.validate(o),
  },
  {
    name: "many unknown keys (object)", what: "validate({ extid, k0: 1, k1: 1, … })",
    build: (size) => { const o = { extid: "1" }; for (let i = 0, len = 14; len < size; i++) { o[`k${i}`] = 1; len += String(i).length + 6; } return o; },
    run: (o) => api.validate(o),
  },
  {
    name: "batch of valid bodies (objects)", what: "validateMany([{ …38 fields }, …])",
    build: (size) => Array.from({ length: Math.max(1, Math.floor(size / (JSON.stringify(FULL).length + 1))) }, () => FULL),
    run: (a) => api.validateMany(a),
  },
);

const sizeOf = (x) => (typeof x === "string" ? Buffer.byteLength(x) : Buffer.byteLength(JSON.stringify(x)));
const human = (b) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${Math.round(b / 1024)} KB`);

/** The fastest of repeated calls (at least 3, and at least 300 ms in all), in ns. */
function time(run, input) {
  run(input);
  let best = Infinity;
  const started = performance.now();
  for (let n = 0; n < 3 || performance.now() - started < 300; n++) {
    const t = process.hrtime.bigint();
    run(input);
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  return best;
}

function fit(points) {
  const xs = points.map(([s]) => Math.log(s)), ys = points.map(([, t]) => Math.log(t));
  const mx = xs.reduce((a, b) => a + b) / xs.length, my = ys.reduce((a, b) => a + b) / ys.length;
  let cov = 0, v = 0;
  for (let i = 0; i < xs.length; i++) { cov += (xs[i] - mx) * (ys[i] - my); v += (xs[i] - mx) ** 2; }
  return cov / v;
}

console.log(`Linear cost through the npm package (Node ${process.versions.node}, pkg/node.cjs): fastest of repeated calls.`);
console.log("exponent: of time ∝ size^k between consecutive sizes, and fitted over all (1.00 = linear).\n");
const summary = [];
for (const shape of shapes.filter((s) => !ONLY || s.name.includes(ONLY))) {
  console.log(`${shape.name} — ${shape.what}`);
  console.log(`  ${"size".padStart(9)} ${"time".padStart(12)} ${"ns/byte".padStart(9)} ${"exponent".padStart(9)}`);
  const points = [];
  for (const size of sizes) {
    const input = shape.build(size);
    const bytes = sizeOf(input);
    const ns = time(shape.run, input);
    const prev = points.at(-1);
    const step = prev ? (Math.log(ns / prev[1]) / Math.log(bytes / prev[0])).toFixed(2) : "";
    console.log(`  ${human(bytes).padStart(9)} ${(ns / 1e6).toFixed(3).padStart(9)} ms ${(ns / bytes).toFixed(2).padStart(9)} ${step.padStart(9)}`);
    points.push([bytes, ns]);
  }
  const k = fit(points);
  const [bytes, ns] = points.at(-1);
  console.log(`  fitted exponent ${k.toFixed(2)}\n`);
  summary.push([shape.name, k, ns / bytes, ns / 1e6, bytes]);
}
console.log("summary (largest size):");
console.log(`  ${"shape".padEnd(34)} ${"exponent".padStart(9)} ${"ns/byte".padStart(9)} ${"time".padStart(11)} ${"size".padStart(9)}`);
for (const [name, k, perByte, ms, bytes] of summary) {
  console.log(`  ${name.padEnd(34)} ${k.toFixed(2).padStart(9)} ${perByte.toFixed(2).padStart(9)} ${ms.toFixed(2).padStart(8)} ms ${human(bytes).padStart(9)}`);
}
