// The Node benchmark: our package (pkg/, built by `make pkg`) against four peers that
// implement the same rules (bench/peers/). One process; first the agreement check
// (bench/agree.mjs, fatal on any disagreement), then for each case interleaved rounds:
// in round r every implementation runs one sample, in an order rotated by r. Warm-up
// rounds are not recorded. Reports medians (and p10/p90) in ns per payload, the ratio to
// the fastest peer, prints one table and writes build/bench-node.json.
//
//   node bench/run.mjs
//
// Environment (all optional):
//   BENCH_ROUNDS=30        recorded rounds of the single-payload cases
//   BENCH_BATCH_ROUNDS=15  recorded rounds of the 10,000-payload batch case
//   BENCH_WARMUP=3         warm-up rounds (single) — the batch case uses max(2, BENCH_WARMUP - 1)
//   BENCH_SAMPLE_MS=20     target duration of one single-payload sample (iterations are calibrated)
//   BENCH_BATCH=10000      payloads in the batch
//   BENCH_CASES=M,S,L,E,batch   which cases to run
//   BENCH_OUT=build/bench-node.json
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, platform, arch, totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { agree, ours } from "./agree.mjs";
import { REFERENCE, batchOfM } from "./corpus.mjs";
import { PEERS } from "./peers/index.mjs";

const env = (k, d) => (process.env[k] === undefined || process.env[k] === "" ? d : process.env[k]);
const ROUNDS = Number(env("BENCH_ROUNDS", 30));
const BATCH_ROUNDS = Number(env("BENCH_BATCH_ROUNDS", 15));
const WARMUP = Number(env("BENCH_WARMUP", 3));
const SAMPLE_MS = Number(env("BENCH_SAMPLE_MS", 20));
const BATCH = Number(env("BENCH_BATCH", 10000));
const CASES = env("BENCH_CASES", "M,S,L,E,batch").split(",").map((s) => s.trim());
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = resolve(ROOT, env("BENCH_OUT", "build/bench-node.json"));
const PEER_NAMES = Object.keys(PEERS);
const versionOf = (p) => {
  try {
    return JSON.parse(readFileSync(resolve(ROOT, "node_modules", p, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
};

const started = Date.now();

// ---- 1. agreement (fatal) ----------------------------------------------------------------
const agreement = agree();
if (!agreement.ok) {
  console.error("\nbench: the peers do not agree with our package: nothing was timed (see above).");
  process.exit(1);
}
console.log();

// ---- 2. timing -----------------------------------------------------------------------------
let sink = 0; // every result feeds it, so no call can be optimised away
const consume = (r) => {
  sink = (sink + (r.ok ? r.body.length : r.errors.length)) | 0;
};
const now = () => Number(process.hrtime.bigint());

/** One sample of `fn` run `k` times → ns per call. */
function sample(fn, k) {
  const t0 = now();
  for (let i = 0; i < k; i++) consume(fn());
  return (now() - t0) / k;
}

const quantile = (sorted, q) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const summarise = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p10: quantile(s, 0.1), p90: quantile(s, 0.9), samples: s.length };
};

/**
 * Interleaved rounds over `impls` ([{ name, kind: "ours" | "peer", run }]). `run()` does one
 * unit of work and returns a result; `perCall` payloads are validated per unit.
 */
function measure(title, impls, { rounds, warmup, calibrate, perCall = 1 }) {
  // Iterations per sample, so that one sample lasts about SAMPLE_MS.
  const iters = impls.map((impl) => {
    if (!calibrate) return 1;
    let k = 1;
    for (;;) {
      const t0 = now();
      for (let i = 0; i < k; i++) consume(impl.run());
      const ms = (now() - t0) / 1e6;
      if (ms >= SAMPLE_MS / 4 || k >= 1 << 22) return Math.max(1, Math.round((k * SAMPLE_MS) / Math.max(ms, 1e-3)));
      k *= 2;
    }
  });
  const samples = impls.map(() => []);
  for (let r = 0; r < warmup + rounds; r++) {
    for (let j = 0; j < impls.length; j++) {
      const i = (j + r) % impls.length; // order rotated per round
      const ns = sample(impls[i].run, iters[i]) / perCall;
      if (r >= warmup) samples[i].push(ns);
    }
  }
  const rows = impls.map((impl, i) => ({ case: title, impl: impl.name, kind: impl.kind, iterations: iters[i], ...summarise(samples[i]) }));
  const peers = rows.filter((r) => r.kind === "peer");
  const fastest = peers.reduce((a, b) => (b.median < a.median ? b : a), peers[0]);
  for (const row of rows) {
    row.fastestPeer = fastest.impl;
    row.ratio = row.median / fastest.median;
  }
  return rows;
}

const hasMany = typeof ours.validateMany === "function";
const results = [];
const skipped = [];

for (const name of ["M", "S", "L", "E"]) {
  if (!CASES.includes(name)) continue;
  const input = REFERENCE[name];
  const text = JSON.stringify(input);
  const impls = [
    { name: "ours validate(object)", kind: "ours", run: () => ours.validate(input) },
    { name: "ours validateJson(text)", kind: "ours", run: () => ours.validateJson(text) },
    ...PEER_NAMES.map((p) => ({ name: p, kind: "peer", run: () => PEERS[p].validate(input) })),
  ];
  const title = `${name}: ${{ M: "10-field form", S: "vendor sample", L: "all 38 fields", E: "10 errors" }[name]}, object → ${name === "E" ? "errors" : "body"}`;
  process.stdout.write(`timing ${title} …`);
  const t0 = Date.now();
  results.push(...measure(title, impls, { rounds: ROUNDS, warmup: WARMUP, calibrate: true }));
  console.log(` ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (CASES.includes("batch")) {
  const inputs = batchOfM(BATCH);
  const text = JSON.stringify(inputs);
  const loop = (validate) => () => {
    let last;
    for (let i = 0; i < inputs.length; i++) {
      last = validate(inputs[i]);
      consume(last);
    }
    return last;
  };
  const manyResult = (rs) => rs[rs.length - 1];
  const impls = [];
  if (hasMany) {
    impls.push({ name: "ours validateMany(array)", kind: "ours", run: () => manyResult(ours.validateMany(inputs)) });
    impls.push({ name: "ours validateMany(jsonText)", kind: "ours", run: () => manyResult(ours.validateMany(text)) });
  } else {
    skipped.push("validateMany (not in pkg/ yet)");
  }
  impls.push({ name: "ours validate() loop", kind: "ours", run: loop(ours.validate) });
  for (const p of PEER_NAMES) impls.push({ name: `${p} loop`, kind: "peer", run: loop(PEERS[p].validate) });
  // Before timing: every implementation accepts all of them, with the same bodies as ours.
  const want = inputs.map((x) => ours.validate(x).body);
  const same = (rs) => Array.isArray(rs) && rs.length === inputs.length && rs.every((r, i) => r.ok && r.body === want[i]);
  const check = [["ours validate() loop", inputs.map((x) => ours.validate(x))], ...PEER_NAMES.map((p) => [`${p} loop`, inputs.map((x) => PEERS[p].validate(x))])];
  if (hasMany) check.push(["ours validateMany(array)", ours.validateMany(inputs)], ["ours validateMany(jsonText)", ours.validateMany(text)]);
  for (const [name, rs] of check) {
    if (!same(rs)) {
      console.error(`bench: ${name} does not give our bodies for the ${BATCH} M payloads`);
      process.exit(1);
    }
  }
  const title = `batch: ${BATCH.toLocaleString("en")} M payloads (ns per payload)`;
  process.stdout.write(`timing ${title} …`);
  const t0 = Date.now();
  results.push(...measure(title, impls, { rounds: BATCH_ROUNDS, warmup: Math.max(2, WARMUP - 1), calibrate: false, perCall: BATCH }));
  console.log(` ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// ---- 3. report -------------------------------------------------------------------------------
const fmt = (ns) => (ns >= 100 ? Math.round(ns).toLocaleString("en") : ns.toFixed(1));
const cpu = cpus();
const meta = {
  node: process.version,
  v8: process.versions.v8,
  platform: `${platform()} ${arch()}`,
  cpu: cpu[0]?.model?.trim() ?? "unknown",
  cores: cpu.length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  rounds: ROUNDS,
  batchRounds: BATCH_ROUNDS,
  warmup: WARMUP,
  sampleMs: SAMPLE_MS,
  batch: BATCH,
  peers: Object.fromEntries(["ajv", "zod", "valibot"].map((p) => [p, versionOf(p)])),
  date: new Date().toISOString(),
};
const lines = [];
lines.push(`Node benchmark — ${meta.node} (V8 ${meta.v8}), ${meta.platform}, ${meta.cpu} × ${meta.cores}`);
lines.push(
  `peers: ${Object.entries(meta.peers)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}, plain JS; ${ROUNDS} interleaved rounds (${BATCH_ROUNDS} for the batch) after ${WARMUP} warm-up; medians in ns per payload`
);
const W = [44, 28, 10, 10, 10, 15];
const row = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(W[i]) : String(c).padStart(W[i]))).join(" ");
lines.push("");
lines.push(row(["case", "implementation", "median", "p10", "p90", "÷ fastest peer"]));
lines.push("-".repeat(W.reduce((a, b) => a + b + 1, 0)));
let lastCase = null;
for (const r of results) {
  const c = r.case === lastCase ? "" : r.case;
  if (r.case !== lastCase && lastCase !== null) lines.push("");
  lastCase = r.case;
  const ratio = r.kind === "peer" && r.impl === r.fastestPeer ? "1 (fastest)" : `${r.ratio.toFixed(2)}`;
  lines.push(row([c.length > W[0] ? c.slice(0, W[0] - 1) + "…" : c, r.impl, fmt(r.median), fmt(r.p10), fmt(r.p90), ratio]));
}
for (const s of skipped) lines.push(`(skipped: ${s})`);

// The issue's targets, where this run can tell.
const targets = [];
const mOurs = results.find((r) => r.case.startsWith("M:") && r.impl === "ours validate(object)");
if (mOurs) targets.push({ target: "single M, object → body: ≤ 0.5 × fastest peer", value: mOurs.ratio, met: mOurs.ratio <= 0.5 });
const batchBest = results
  .filter((r) => r.case.startsWith("batch") && r.impl.startsWith("ours validateMany"))
  .reduce((a, b) => (!a || b.median < a.median ? b : a), null);
if (batchBest) targets.push({ target: `batch of ${BATCH} M: ≥ 3× faster than fastest peer loop (${batchBest.impl})`, value: batchBest.ratio, met: batchBest.ratio <= 1 / 3 });
lines.push("");
for (const t of targets) lines.push(`target ${t.met ? "MET   " : "MISSED"} ${t.target}: ratio ${t.value.toFixed(2)} (${t.value <= 1 ? `${(1 / t.value).toFixed(2)}× faster` : `${t.value.toFixed(2)}× slower`})`);
lines.push(`agreement: ${agreement.payloads} payloads, every peer agrees with ours; total run ${((Date.now() - started) / 1000).toFixed(0)} s`);

console.log("\n" + lines.join("\n"));
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify({ meta, agreement: { payloads: agreement.payloads, ok: agreement.ok, notes: agreement.notes }, results, targets, skipped, sink }, null, 2) + "\n"
);
console.log(`wrote ${OUT}`);
