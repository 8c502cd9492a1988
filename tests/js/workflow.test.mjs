// fromQuery and diff: the dashboard loop (load from the query API, edit, send what changed).
import { test } from "node:test";
import assert from "node:assert/strict";
import support from "./support.cjs";

const api = await support.importPkg();
// The vendor's sample answer of /extension/query (SPEC §6).
const answer = JSON.parse('{"status":"Success","extinfos":[{"extnumber":"1000","username":"Jayson","status":"Registered","type":"SIP","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","maxregistrations":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","email":"","moblie":"","language":"System Default","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","btransferto":"Voicemail","btransferprefix":"","ringsimultaneous":"off","mobileprefix":"","enablemobile":"off","allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":""}]}');
const item = answer.extinfos[0];

test("fromQuery: extid from extnumber, moblie → mobile, read-only fields and loginpassword left out", () => {
  const state = api.fromQuery(item);
  assert.equal(state.extid, "1000");
  assert.equal(state.mobile, "");
  for (const k of ["extnumber", "moblie", "status", "type", "language", "loginpassword"]) assert.ok(!(k in state), k);
  assert.deepEqual(Object.keys(state), api.fields().map((f) => f.name).filter((n) => n in state));
  assert.equal(api.validate(state).ok, true);
  assert.deepEqual(api.fromQuery({ extnumber: 1001, dnd: "ON", monitormode: "Disable", port: "FXS1", extra: {} }), { extid: "1001", monitormode: "Disabled", dnd: "on" });
  for (const bad of [null, "x", [], new Map()]) assert.throws(() => api.fromQuery(bad), TypeError);
  assert.deepEqual(support.requirePkg().fromQuery(item), state);
});

test("diff: extid plus what changed, validated with before as current", () => {
  const before = api.fromQuery(item);
  const after = { ...before, username: " Jayson Li ", dnd: true, ringtimeout: 30 };
  const d = api.diff(before, after);
  assert.deepEqual(d.changed, ["username", "dnd"]);
  assert.equal(d.ok, true);
  assert.equal(d.body, '{"extid":"1000","username":"Jayson Li","dnd":"on"}');
  const same = api.diff(before, { ...before });
  assert.deepEqual([same.changed, same.body], [[], '{"extid":"1000"}']);
  // Clearing mobile while mobility is on is refused.
  const on = { ...before, enablemobile: "on", mobile: "13800000000" };
  const cleared = api.diff(on, { ...on, mobile: "" });
  assert.deepEqual(cleared.changed, ["mobile"]);
  assert.equal(cleared.ok, false);
  assert.deepEqual(cleared.errors.map((e) => [e.field, e.code, e.params?.because]), [["mobile", "required_if", "enablemobile"]]);
  assert.throws(() => api.diff(before, null), TypeError);
  assert.throws(() => api.diff(before, after, { unknownFields: 1 }), TypeError);
});
