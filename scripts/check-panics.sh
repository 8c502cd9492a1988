#!/usr/bin/env bash
# Checks that the release wasm has no panic path that input can trigger (issue 5, item 5).
#
#   scripts/check-panics.sh          (needs what `make pkg` needs: wasm32 target, wasm-bindgen, npm ci)
#
# The crate denies unwrap/expect/panic!/unchecked indexing in its own code (clippy, src/lib.rs),
# but code inlined from std can still hold panic calls. This script builds the wasm exactly as
# `make pkg` ships it (cargo release → wasm-bindgen → wasm-opt -Oz), except that function names
# are kept (-g), and reads its call graph (wasm-dis text):
#   - panic entry points: core::panicking::*, slice/str index failures, unwrap/expect failures,
#     std's panic handler, alloc's capacity-overflow and allocation-failure handlers, …;
#   - every call site of one of them that is reachable from an export (call_indirect counts as
#     a call to every function of the table: conservative);
#   - each site is put in a class. Allowed classes: allocation failure (the memory is exhausted:
#     a trap by design, not a logic error), the allocator's own consistency assertions, std's
#     sort checking that `Ord` is a total order (the crate sorts `(&str, usize)`), and the panic
#     machinery itself (it runs only once a panic has started). Any other site fails the check
#     and is printed with a call path from an export.
# A panic in wasm with panic = "abort" is a trap (`RuntimeError: unreachable`): it would break
# every later call of the page's instance, hence this check.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/check-panics"
BIN="$ROOT/node_modules/.bin"
WASM="$ROOT/target/wasm32-unknown-unknown/release/yeastar_extension_update.wasm"

cd "$ROOT"
cargo build --quiet --release --target wasm32-unknown-unknown --lib
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen "$WASM" --target web --out-dir "$OUT" --out-name wasm --no-typescript --keep-debug
"$BIN/wasm-opt" -Oz -g "$OUT/wasm_bg.wasm" -o "$OUT/named.wasm"
"$BIN/wasm-dis" "$OUT/named.wasm" -o "$OUT/named.wat"
# The shipped module (names stripped) must have the same functions, or the check reads another code.
if [ -f "$ROOT/pkg/wasm/wasm_bg.wasm" ]; then
  "$BIN/wasm-dis" "$ROOT/pkg/wasm/wasm_bg.wasm" -o "$OUT/shipped.wat"
else
  echo "(pkg/ is not built: the function count is not compared with the shipped module)"
fi

node - "$OUT/named.wat" "$OUT/shipped.wat" <<'EOF'
import { existsSync, readFileSync } from "node:fs";
const [watPath, shippedPath] = process.argv.slice(2);
const NAME = String.raw`\$(?:"((?:[^"\\]|\\.)*)"|([^\s()"]+))`;
const name = (m, i) => m[i] ?? m[i + 1];
const funcs = new Map();
const exports = [];
const table = [];
let cur = null;
for (const line of readFileSync(watPath, "utf8").split("\n")) {
  let m;
  if ((m = new RegExp(String.raw`^ \(func ${NAME}`).exec(line))) {
    cur = { name: name(m, 1), calls: new Set(), indirect: false };
    funcs.set(cur.name, cur);
  } else if ((m = new RegExp(String.raw`^ \(export "([^"]+)" \(func ${NAME}\)\)`).exec(line))) {
    exports.push([m[1], name(m, 2)]);
  } else if (/^ \(elem/.test(line)) {
    for (const x of line.matchAll(new RegExp(NAME, "g"))) table.push(name(x, 1));
  } else if (cur) {
    for (const x of line.matchAll(new RegExp(String.raw`\((?:return_)?call ${NAME}`, "g"))) cur.calls.add(name(x, 1));
    if (/call_indirect/.test(line)) cur.indirect = true;
  }
}
if (existsSync(shippedPath)) {
  const shipped = (readFileSync(shippedPath, "utf8").match(/^ \(func /gm) ?? []).length;
  if (shipped !== funcs.size) {
    console.log(`FAIL: the named build has ${funcs.size} functions, pkg/wasm/wasm_bg.wasm ${shipped}: rebuild the package (make pkg)`);
    process.exit(1);
  }
}

// Names are demangled by wasm-bindgen; std's carry a crate hash in brackets: drop it to read.
const short = (n) => n.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
const SINK = /::panicking::|^core::slice::index::|slice_error_fail|unwrap_failed|expect_failed|::raw_vec::(handle_error|capacity_overflow)|handle_alloc_error|rust_begin_unwind|__rust_start_panic|__rust_abort|panic_on_ord_violation|panic_already_|::process::abort|panic_bounds_check/;
const isSink = (n) => SINK.test(short(n));
const CLASSES = [
  ["allocation failure (memory exhausted: a trap by design)", (caller, sink) => /raw_vec::(handle_error|capacity_overflow)|handle_alloc_error/.test(sink)],
  ["allocator-internal assertions (dlmalloc)", (caller) => /__rdl_(alloc|realloc|dealloc|alloc_zeroed)|dlmalloc/.test(caller)],
  ["std sort's Ord-violation check (total orders only)", (caller) => /^core::slice::sort::/.test(caller)],
  ["the panic machinery itself (runs only after a panic)", (caller) => /::panicking::|PanicPayload|panic_handler|::fmt::|FnOnce::call_once\{\{vtable.shim\}\}/.test(caller)],
];

// Reachability from the exports (call_indirect: every table entry), with a parent for paths.
const parent = new Map();
const queue = [];
for (const [, f] of exports) if (funcs.has(f) && !parent.has(f)) { parent.set(f, null); queue.push(f); }
while (queue.length) {
  const f = funcs.get(queue.shift());
  const next = [...f.calls, ...(f.indirect ? table : [])];
  for (const g of next) if (funcs.has(g) && !parent.has(g)) { parent.set(g, f.name); queue.push(g); }
}
const path = (f) => { const p = []; for (let x = f; x; x = parent.get(x)) p.unshift(short(x)); return p.join(" → "); };

const sinks = [...funcs.keys()].filter(isSink);
const sites = [];
for (const f of funcs.values()) {
  if (!parent.has(f.name) || isSink(f.name)) continue;
  for (const s of f.calls) if (isSink(s)) sites.push([short(f.name), short(s), f.name]);
}
const byClass = new Map();
const unexpected = [];
for (const site of sites) {
  const cls = CLASSES.find(([, test]) => test(site[0], site[1]));
  if (cls) byClass.set(cls[0], [...(byClass.get(cls[0]) ?? []), site]);
  else unexpected.push(site);
}

console.log(`release wasm as shipped (wasm-bindgen, wasm-opt -Oz; names kept): ${funcs.size} functions, exports: ${exports.map((e) => e[0]).join(" ")}`);
console.log(`panic entry points present: ${sinks.length} (${sinks.filter((s) => parent.has(s)).length} reachable from the exports)`);
console.log(`call sites of them reachable from the exports: ${sites.length}`);
for (const [cls] of CLASSES) {
  const list = byClass.get(cls) ?? [];
  const callers = new Set(list.map((s) => s[0]));
  console.log(`  ${String(list.length).padStart(3)}  ${cls}${list.length ? ` — in ${callers.size} function${callers.size === 1 ? "" : "s"}` : ""}`);
  if (process.env.VERBOSE) for (const [c, s] of list) console.log(`         ${c} → ${s}`);
}
console.log(`  ${String(unexpected.length).padStart(3)}  outside the allowed classes`);
for (const [caller, sink, full] of unexpected) {
  console.log(`       ${caller} → ${sink}`);
  console.log(`         reached by: ${path(full)}`);
}
if (unexpected.length) {
  console.log(`FAIL: ${unexpected.length} panic site${unexpected.length === 1 ? "" : "s"} that input might reach (see above)`);
  process.exit(1);
}
console.log("OK: no panic site outside allocation failure, allocator assertions, std's sort check and the panic machinery");
EOF
