// Shared helpers of the JS tests (not a test file: the name matches no test pattern).
//
// The tests load the BUILT package (pkg/, from `make pkg`) by its public names,
// resolved through its "exports" map: a temp folder gets
// node_modules/yeastar-extension-update -> pkg, then `require`/`import` start
// from that folder. No network, no npm install, nothing written to the repo.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { createRequire } = require("node:module");
const { pathToFileURL } = require("node:url");

const ROOT = path.resolve(__dirname, "../..");
const PKG = path.join(ROOT, "pkg");
const NAME = "yeastar-extension-update";

if (!fs.existsSync(path.join(PKG, "package.json"))) {
  throw new Error("pkg/ is not built: run `make pkg` first");
}

let dir;
function consumerDir() {
  if (dir) return dir;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yeu-consumer-"));
  fs.mkdirSync(path.join(dir, "node_modules"));
  // "junction" is ignored off Windows and makes the link work there without privileges.
  fs.symlinkSync(PKG, path.join(dir, "node_modules", NAME), "junction");
  // An empty package.json: the consumer is a plain CommonJS project.
  fs.writeFileSync(path.join(dir, "package.json"), "{}\n");
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** require(spec) as a CommonJS consumer of the package would. */
function requirePkg(spec = NAME) {
  return createRequire(path.join(consumerDir(), "consumer.cjs"))(spec);
}

/** require.resolve(spec) from the consumer folder (the real path, inside pkg/). */
function resolvePkg(spec = NAME) {
  return createRequire(path.join(consumerDir(), "consumer.cjs")).resolve(spec);
}

/** import(spec) as an ESM consumer would (via a one-line .mjs in the consumer folder). */
let shims = 0;
function importPkg(spec = NAME) {
  const file = path.join(consumerDir(), `consumer-${shims++}.mjs`);
  fs.writeFileSync(file, `export * from ${JSON.stringify(spec)};\n`);
  return import(pathToFileURL(file).href);
}

// SPEC §2 table: [name, kind], in table (= wire) order.
const TABLE = [
  ["extid", "extension_number"], ["extnumber", "extension_number"], ["username", "name"],
  ["callerid", "name"], ["registername", "token"], ["registerpassword", "secret"],
  ["maxregistrations", "integer"], ["loginpassword", "secret"], ["email", "email"],
  ["mobile", "digits"], ["hasvoicemail", "switch"], ["enablevmtoemail", "switch"],
  ["vmsecret", "secret_digits"], ["alwaysforward", "switch"], ["atransferto", "destination"],
  ["atransferext", "extension_number"], ["atransferprefix", "digits"], ["atransfernum", "digits"],
  ["noanswerforward", "switch"], ["ntransferto", "destination"], ["ntransferext", "extension_number"],
  ["ntransferprefix", "digits"], ["ntransfernum", "digits"], ["busyforward", "switch"],
  ["btransferto", "destination"], ["btransferext", "extension_number"], ["btransferprefix", "digits"],
  ["btransfernum", "digits"], ["enablemobile", "switch"], ["ringsimultaneous", "switch"],
  ["mobileprefix", "digits"], ["allowbeingmonitored", "switch"], ["monitormode", "enum"],
  ["ringtimeout", "enum"], ["maxduration", "enum"], ["dnd", "switch"],
  ["callrestriction", "switch"], ["agentid", "digits"],
];
const FIELD_NAMES = TABLE.map(([n]) => n);
const SECRETS = ["registerpassword", "loginpassword", "vmsecret"];

const ERROR_CODES = [
  "required", "required_if", "blank", "too_long", "too_short", "not_digits", "invalid_chars",
  "out_of_range", "not_allowed_value", "invalid_email", "wrong_type", "unknown_field",
  "not_an_object", "invalid_json",
];
/** The warning codes (README "Warnings"). */
const WARNING_CODES = [
  "vmtoemail_without_email", "forward_to_disabled_voicemail", "forward_to_self", "password_looks_hashed",
  "ring_without_mobile",
];

/** Asserts the FieldError shape of SPEC §4 (throws an Error describing the first problem); warnings have the same shape. */
function checkFieldError(e) {
  const fail = (why) => { throw new Error(`bad FieldError (${why}): ${JSON.stringify(e)}`); };
  if (e === null || typeof e !== "object" || Array.isArray(e)) fail("not an object");
  for (const k of Object.keys(e)) if (!["field", "code", "message", "params"].includes(k)) fail(`key ${k}`);
  if (typeof e.field !== "string") fail("field");
  if (!ERROR_CODES.includes(e.code) && !WARNING_CODES.includes(e.code)) fail("code");
  // (That messages are displayable, without control characters, is tested in hostile.test.mjs.)
  if (typeof e.message !== "string" || !e.message.trim()) fail("message");
  if (e.params !== undefined) {
    if (e.params === null || typeof e.params !== "object" || Array.isArray(e.params)) fail("params");
    for (const v of Object.values(e.params)) {
      const ok = (x) => typeof x === "number" || typeof x === "string";
      if (!(ok(v) || (Array.isArray(v) && v.every(ok)))) fail("param value");
    }
  }
}

/** Asserts a validate() result shape; returns it. */
function checkResult(r) {
  const keys = Object.keys(r).sort().join();
  if (r.ok === true) {
    if (keys !== "body,ok,value,warnings") throw new Error(`ok result keys: ${keys}`);
    if (typeof r.body !== "string" || JSON.stringify(r.value) !== r.body) throw new Error("body/value mismatch");
  } else if (r.ok === false) {
    if (keys !== "errors,ok,warnings") throw new Error(`error result keys: ${keys}`);
    if (!Array.isArray(r.errors) || r.errors.length === 0) throw new Error("errors must be a non-empty array");
    r.errors.forEach(checkFieldError);
  } else throw new Error(`ok is ${r.ok}`);
  if (!Array.isArray(r.warnings)) throw new Error("warnings must be an array");
  for (const w of r.warnings) {
    checkFieldError(w);
    if (!WARNING_CODES.includes(w.code)) throw new Error(`not a warning code: ${w.code}`);
    if (r.ok === false && r.errors.some((e) => e.field === w.field)) throw new Error(`a warning on a field with an error: ${w.field}`);
  }
  return r;
}

/** [{field, code}] of a result's errors, for compact deepEqual. */
const codes = (errorsOrResult) =>
  (Array.isArray(errorsOrResult) ? errorsOrResult : errorsOrResult.errors ?? []).map(({ field, code }) => ({ field, code }));

module.exports = {
  ROOT, PKG, NAME, TABLE, FIELD_NAMES, SECRETS, ERROR_CODES, WARNING_CODES,
  consumerDir, requirePkg, resolvePkg, importPkg, checkFieldError, checkResult, codes,
};
