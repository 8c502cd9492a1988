// One summary table from the last run of each part of `make bench`:
//   native   target/criterion/**/new/{benchmark,estimates}.json   (cargo bench, Criterion)
//   node     build/bench-node.json                                 (node bench/run.mjs)
//   size     build/bench-size.json                                 (node bench/size.mjs)
// A part that has not run is said so, not invented. Writes build/bench.json (all three).
//
//   node bench/report.mjs
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const readJson = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
const fmt = (ns) => (ns >= 100 ? Math.round(ns).toLocaleString("en") : ns.toFixed(1));

// ---- native (Criterion) -------------------------------------------------------------------------
function criterion() {
  const dir = resolve(ROOT, "target/criterion");
  if (!existsSync(dir)) return null;
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (!statSync(p).isDirectory()) continue;
      if (name === "new" && existsSync(join(p, "estimates.json"))) {
        const est = readJson(join(p, "estimates.json"));
        const meta = readJson(join(p, "benchmark.json"));
        found.push({ id: meta?.full_id ?? relative(dir, d), median: est.median.point_estimate, mtime: statSync(join(p, "estimates.json")).mtimeMs });
      } else if (name !== "report" && name !== "base" && name !== "change") walk(p);
    }
  };
  walk(dir);
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

const native = criterion();
const node = readJson(resolve(ROOT, "build/bench-node.json"));
const size = readJson(resolve(ROOT, "build/bench-size.json"));

const out = [];
const W = [46, 34, 12, 16];
const line = (c) => c.map((x, i) => (i < 2 ? String(x).padEnd(W[i]) : String(x).padStart(W[i]))).join(" ");
out.push(line(["what", "implementation", "median", "÷ fastest peer"]));
out.push("-".repeat(W.reduce((a, b) => a + b + 1, 0)));

if (native?.length) {
  for (const b of native) out.push(line([`native core: ${b.id}`, "ours (Rust, Criterion)", `${fmt(b.median)} ns`, ""]));
} else out.push(line(["native core", "(cargo bench has not run)", "", ""]));
out.push("");

if (node) {
  for (const c of [...new Set(node.results.map((r) => r.case))]) {
    const rows = node.results.filter((r) => r.case === c);
    const fastest = rows.find((r) => r.impl === r.fastestPeer);
    rows.filter((r) => r.kind === "ours").forEach((r, i) => out.push(line([i ? "" : c, r.impl, `${fmt(r.median)} ns`, r.ratio.toFixed(2)])));
    out.push(line(["", `fastest peer: ${fastest.impl}`, `${fmt(fastest.median)} ns`, "1"]));
  }
} else out.push(line(["node", "(node bench/run.mjs has not run)", "", ""]));
out.push("");

if (size) {
  const oursRow = size.rows[0];
  for (const r of size.rows) out.push(line([r === oursRow ? "gzip size, what a browser downloads" : "", r.name.length > W[1] ? r.name.slice(0, W[1] - 1) + "…" : r.name, `${r.gzip.toLocaleString("en")} B`, (r.gzip / oursRow.gzip).toFixed(2) + " × ours"]));
} else out.push(line(["size", "(node bench/size.mjs has not run)", "", ""]));

const targets = [...(node?.targets ?? []), ...(size ? [size.target] : [])];
const nativeM = native?.filter((b) => /(^|\/)M$/.test(b.id)); // one M payload per iteration
if (nativeM?.length) {
  const m = Math.max(...nativeM.map((b) => b.median)); // the slowest M bench, to be safe
  targets.push({ target: `native core ≤ 1 µs per M payload (${nativeM.map((b) => b.id).join(", ")})`, value: m, met: m <= 1000 });
}
out.push("");
for (const t of targets) out.push(`target ${t.met ? "MET   " : "MISSED"} ${t.target}: ${typeof t.value === "number" && t.value < 50 ? t.value.toFixed(2) : fmt(t.value)}`);
if (node) out.push(`machine: ${node.meta.cpu} × ${node.meta.cores}, ${node.meta.platform}, Node ${node.meta.node}; run ${node.meta.date}`);

console.log(out.join("\n"));
writeFileSync(resolve(ROOT, "build/bench.json"), JSON.stringify({ native, node, size, targets }, null, 2) + "\n");
