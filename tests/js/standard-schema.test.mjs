// extensionUpdateSchema: a Standard Schema v1, used by a real form-library resolver under Node
// (react-hook-form's standardSchemaResolver from @hookform/resolvers; no browser needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import support from "./support.cjs";

const api = await support.importPkg();
const { extensionUpdateSchema: schema } = api;

test("the ~standard props: version 1, vendor, synchronous validate", () => {
  const props = schema["~standard"];
  assert.equal(props.version, 1);
  assert.equal(props.vendor, "yeastar-extension-update");
  assert.ok(Object.isFrozen(schema) && Object.isFrozen(props));
  const ok = props.validate({ extid: 1002, username: " Amy ", dnd: true });
  assert.ok(!(ok instanceof Promise));
  assert.deepEqual(ok, { value: { extid: "1002", username: "Amy", dnd: "on" } });
  const bad = props.validate({ extid: "12a", moblie: "" });
  assert.deepEqual(bad, {
    issues: [
      { message: "Extension number can contain only digits (0-9).", path: ["extid"] },
      { message: '"moblie" is not a field of the extension update API. Did you mean "mobile"?', path: ["moblie"] },
    ],
  });
  // A whole-input error has no path.
  assert.deepEqual(props.validate([]), { issues: [{ message: api.validate([]).errors[0].message }] });
  // The same instance through require().
  assert.equal(support.requirePkg().extensionUpdateSchema, schema);
});

test("react-hook-form's standardSchemaResolver: values on success, errors by field on failure", async () => {
  const resolver = standardSchemaResolver(schema);
  const options = { fields: {}, shouldUseNativeValidation: false };
  const ok = await resolver({ extid: "1000", enablemobile: "on", mobile: "13800000000" }, undefined, options);
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.values, { extid: "1000", mobile: "13800000000", enablemobile: "on" });
  const bad = await resolver({ extid: "1000", enablemobile: "on", email: "nope" }, undefined, options);
  assert.deepEqual(bad.values, {});
  assert.equal(bad.errors.email.message, "Email address must be a valid email address, like name@example.com.");
  assert.equal(bad.errors.mobile.message, "Mobile number cannot be blank when Mobility extension is on.");
  assert.deepEqual(Object.keys(bad.errors).sort(), ["email", "mobile"]);
});
