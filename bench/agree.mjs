// The agreement check: every peer must give the same answer as our package on every
// corpus payload: same ok / not ok, the same body byte for byte when ok, the same set
// of failing fields when not ok. Also checks our own entry points against each other
// (validateJson on the JSON text, validateMany on the whole corpus, body idempotence, and
// our schema() accepting every body we build).
//
//   node bench/agree.mjs        exits 1, loudly, on any disagreement
//
// bench/run.mjs runs the same check before timing anything.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inspect, isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { corpus, REFERENCE } from "./corpus.mjs";
import { PEERS } from "./peers/index.mjs";

const require = createRequire(import.meta.url);
const PKG = fileURLToPath(new URL("../pkg/node.cjs", import.meta.url));
if (!existsSync(PKG)) {
  console.error("bench: pkg/ is missing: run `make pkg` first");
  process.exit(1);
}
export const ours = require(PKG);

const show = (x) => inspect(x, { depth: 6, breakLength: Infinity, maxStringLength: 300 });
const fieldSet = (r) => [...new Set(r.errors.map((e) => e.field))].sort();

/** Compares one answer of a peer with ours; returns a reason string or null. */
function compare(o, r) {
  if (o.ok !== r.ok) return `ours says ok=${o.ok}, peer says ok=${r.ok}`;
  if (o.ok) {
    if (o.body !== r.body) return "different bodies";
    if (JSON.stringify(r.value) !== r.body) return "peer's value does not match its body";
    return null;
  }
  const a = fieldSet(o);
  const b = fieldSet(r);
  if (!isDeepStrictEqual(a, b)) return `failing fields differ: ours [${a}] vs peer [${b}]`;
  return null;
}

/**
 * Runs the whole check. Returns { ok, payloads, failures, notes }; prints a summary and every
 * disagreement (up to `maxShown` per peer) through `log`.
 */
export function agree({ log = console.log, maxShown = 5, n } = {}) {
  const items = [...Object.entries(REFERENCE).map(([name, input]) => ({ name: `reference ${name}`, input })), ...corpus({ n })];
  const failures = [];
  const notes = [];
  const shown = {};
  const fail = (who, item, reason, oursAnswer, theirs) => {
    failures.push({ who, name: item.name, reason });
    shown[who] = (shown[who] ?? 0) + 1;
    if (shown[who] > maxShown) return;
    log(`\n!!! DISAGREEMENT (${who}) on ${item.name}: ${reason}`);
    log(`    payload: ${show(item.input)}`);
    log(`    ours:    ${show(oursAnswer)}`);
    log(`    ${who.padEnd(8)} ${show(theirs)}`);
  };

  // Our answers, and coverage statistics of the corpus.
  const answers = items.map((it) => ours.validate(it.input));
  const stats = { ok: 0, notOk: 0, fieldsFailing: new Map(), codes: new Map(), requiredIf: new Map() };
  for (const a of answers) {
    if (a.ok) stats.ok++;
    else {
      stats.notOk++;
      for (const e of a.errors) {
        stats.codes.set(e.code, (stats.codes.get(e.code) ?? 0) + 1);
        stats.fieldsFailing.set(e.field, (stats.fieldsFailing.get(e.field) ?? 0) + 1);
        if (e.code === "required_if") stats.requiredIf.set(e.field, (stats.requiredIf.get(e.field) ?? 0) + 1);
      }
    }
  }
  const fieldsOk = new Map();
  for (const a of answers) if (a.ok) for (const k of Object.keys(a.value)) fieldsOk.set(k, (fieldsOk.get(k) ?? 0) + 1);

  // Each peer against ours.
  let codeDiffs = 0;
  for (const [name, peer] of Object.entries(PEERS)) {
    items.forEach((item, i) => {
      let r;
      try {
        r = peer.validate(item.input);
      } catch (err) {
        fail(name, item, `peer threw ${err && err.stack}`, answers[i], null);
        return;
      }
      const reason = compare(answers[i], r);
      if (reason) fail(name, item, reason, answers[i], r);
      else if (name === "plain" && !answers[i].ok) {
        // The plain-JS peer also mirrors our codes: differences are shown, not fatal.
        const ourCodes = Object.fromEntries(answers[i].errors.map((e) => [e.field, e.code]));
        const itsCodes = Object.fromEntries(r.errors.map((e) => [e.field, e.code]));
        if (!isDeepStrictEqual(ourCodes, itsCodes)) {
          if (++codeDiffs <= 3) notes.push(`code difference (plain) on ${item.name}: ours ${show(ourCodes)} vs plain ${show(itsCodes)}; payload ${show(item.input)}`);
        }
      }
    });
  }
  if (codeDiffs) notes.push(`${codeDiffs} payload(s) where the plain-JS peer's codes differ from ours (fields agree)`);

  // Our own entry points against each other.
  items.forEach((item, i) => {
    const o = answers[i];
    if (o.ok) {
      const again = ours.validateJson(o.body);
      if (!again.ok || again.body !== o.body) fail("ours", item, "the body, validated again, does not give the same body", o, again);
    }
    const text = JSON.stringify(item.input);
    if (text !== undefined) {
      const viaJson = ours.validateJson(text);
      const viaObject = ours.validate(JSON.parse(text));
      if (!isDeepStrictEqual(viaJson, viaObject)) fail("ours", item, "validateJson(text) ≠ validate(JSON.parse(text))", viaObject, viaJson);
    }
  });
  if (typeof ours.validateMany === "function") {
    const inputs = items.map((it) => it.input);
    const many = ours.validateMany(inputs);
    if (!Array.isArray(many) || many.length !== inputs.length) {
      fail("ours", { name: "validateMany(corpus)", input: "(whole corpus)" }, `validateMany gave ${show(many)?.slice(0, 200)}`, null, null);
    } else {
      many.forEach((r, i) => {
        if (!isDeepStrictEqual(r, answers[i])) fail("ours", items[i], "validateMany(array)[i] ≠ validate(item)", answers[i], r);
      });
    }
    const text = JSON.stringify(inputs);
    const parsed = JSON.parse(text);
    const manyText = ours.validateMany(text);
    if (!Array.isArray(manyText) || manyText.length !== parsed.length) {
      fail("ours", { name: "validateMany(text)", input: "(whole corpus as JSON text)" }, `validateMany(text) gave ${show(manyText)?.slice(0, 200)}`, null, null);
    } else {
      manyText.forEach((r, i) => {
        const want = ours.validate(parsed[i]);
        if (!isDeepStrictEqual(r, want)) fail("ours", items[i], "validateMany(jsonText)[i] ≠ validate(JSON.parse(item))", want, r);
      });
    }
  } else {
    notes.push("validateMany is not in pkg/ yet: its agreement check was skipped");
  }

  // Our schema() (the JSON Schema of the body), compiled by ajv: it must accept every body
  // validate produced; other differences are notes.
  {
    const warnings = [];
    const logger = { log() {}, warn: (m) => warnings.push(String(m)), error: (m) => warnings.push(String(m)) };
    const check = new Ajv2020({ allErrors: true, logger }).compile(ours.schema());
    let bodies = 0;
    items.forEach((item, i) => {
      const o = answers[i];
      if (!o.ok) return;
      bodies++;
      if (!check(o.value)) fail("ours", item, `schema() refuses the body: ${show(check.errors)}`, o, null);
    });
    notes.push(`ours schema(), compiled by ajv, accepts all ${bodies} bodies validate built`);
    if (warnings.length) notes.push(`ajv (strict mode) warns ${warnings.length}× compiling ours schema(), e.g. "${warnings[0]}"`);
  }

  // bench/payloads.json (read by the Criterion benches) must hold these very payloads.
  {
    const file = fileURLToPath(new URL("./payloads.json", import.meta.url));
    let stored = null;
    try {
      stored = JSON.parse(readFileSync(file, "utf8"));
    } catch {}
    if (!isDeepStrictEqual(stored, JSON.parse(JSON.stringify(REFERENCE)))) {
      fail("payloads.json", { name: "bench/payloads.json", input: stored }, "differs from corpus.mjs's S, M, L, E: run `node bench/corpus.mjs`", REFERENCE, stored);
    }
  }

  const byWho = {};
  for (const f of failures) byWho[f.who] = (byWho[f.who] ?? 0) + 1;
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k || '""'} ${v}`).join(", ");
  log(`agreement: ${items.length} payloads (${stats.ok} valid, ${stats.notOk} invalid) × ${Object.keys(PEERS).length} peers (${Object.keys(PEERS).join(", ")})`);
  log(`  codes seen: ${top(stats.codes)}`);
  log(`  required_if on: ${top(stats.requiredIf)}`);
  const missing = Object.keys(REFERENCE.L).filter((f) => !stats.fieldsFailing.get(f) || !fieldsOk.get(f));
  log(`  fields both accepted and refused in the corpus: ${38 - missing.length}/38${missing.length ? ` (not: ${missing})` : ""}`);
  for (const note of notes) log(`  note: ${note}`);
  if (failures.length) {
    log(`\n!!! AGREEMENT FAILED: ${failures.length} disagreement(s): ${Object.entries(byWho).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  } else {
    log(`  every peer agrees with ours on every payload (ok/not ok, body, failing fields)`);
  }
  return { ok: failures.length === 0 && missing.length === 0, payloads: items.length, failures, notes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = agree({ maxShown: Number(process.env.AGREE_SHOW ?? 5), n: process.env.AGREE_N ? Number(process.env.AGREE_N) : undefined });
  process.exit(r.ok ? 0 : 1);
}
