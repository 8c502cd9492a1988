// validateMany: N payloads in one crossing, one result per item, in order (issue 4).
import { test } from "node:test";
import assert from "node:assert/strict";
import support from "./support.cjs";

const api = await support.importPkg();
const cjs = support.requirePkg();

test("an array: one result per item, each the same as validate()", () => {
  const items = [{ extid: "1", dnd: true }, { extid: "x" }, [], 7, null, { extid: 2, moblie: "" }, new Map(), { extid: "1", username: "\ud800" }];
  const many = api.validateMany(items);
  assert.equal(many.length, items.length);
  items.forEach((item, i) => assert.deepEqual(many[i], api.validate(item), `item ${i}`));
  assert.deepEqual(cjs.validateMany(items), many);
});

test("JSON array text: the same as validateJson per item", () => {
  const texts = ['{"extid":"1","ringtimeout":30}', '{"extid":""}', '"x"', '{"extid":"1","a":1,"a":2}'];
  const many = api.validateMany(`[${texts.join(",")}]`);
  assert.equal(many.length, texts.length);
  texts.forEach((t, i) => assert.deepEqual(many[i], api.validateJson(t), `item ${i}`));
});

test("empty batches, whole-text errors, options, misuse", () => {
  assert.deepEqual(api.validateMany([]), []);
  assert.deepEqual(api.validateMany("[]"), []);
  for (const [text, code] of [["[", "invalid_json"], ["{}", "not_an_object"], ["", "invalid_json"]]) {
    const r = api.validateMany(text);
    assert.equal(r.length, 1, text);
    assert.equal(r[0].ok, false);
    assert.equal(r[0].errors[0].code, code, text);
  }
  const stripped = api.validateMany([{ extid: "1", status: "Registered" }], { unknownFields: "strip" });
  assert.equal(stripped[0].body, '{"extid":"1"}');
  const current = { moblie: "13800000000", enablemobile: "off" };
  assert.equal(api.validateMany([{ extid: "1", enablemobile: "on" }], { current })[0].ok, true);
  for (const bad of [undefined, null, 1, { length: 1 }]) assert.throws(() => api.validateMany(bad), TypeError);
});

test("10,000 items come back in order", () => {
  const items = Array.from({ length: 10_000 }, (_, i) => ({ extid: String(1000 + i), username: "Amy" }));
  const many = api.validateMany(items);
  assert.equal(many.length, 10_000);
  many.forEach((r, i) => assert.equal(r.value.extid, String(1000 + i)));
});
