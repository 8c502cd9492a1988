// Bad input (issue 2, item 3): every hostile value gives a structured error,
// never a throw (except the documented misuse TypeErrors), the module keeps
// working afterwards, and no error ever carries the value of a secret field.
import { test, describe, afterEach } from "node:test";
import assert from "node:assert/strict";
import support from "./support.cjs";

const { SECRETS, checkResult, checkFieldError, codes, importPkg } = support;
const { validate, validateJson, validateField, buildBody } = await importPkg();

const MB = 1 << 20;
const wrongType = (field) => [{ field, code: "wrong_type" }];
const notAnObject = [{ field: "", code: "not_an_object" }];

// After every test: the same instance still answers correctly.
afterEach(() => {
  assert.equal(validate({ extid: "1001", dnd: "on" }).body, '{"extid":"1001","dnd":"on"}');
  assert.deepEqual(codes(validate({ extid: "x" })), [{ field: "extid", code: "not_digits" }]);
});

const throwingProxy = (trap, target = { extid: "1" }) =>
  new Proxy(target, { [trap]() { throw new Error(`${trap} trap`); } });

describe("inputs that are not plain objects → not_an_object", () => {
  const revoked = Proxy.revocable({ extid: "1" }, {});
  revoked.revoke();
  const cases = {
    undefined: undefined, null: null, number: 1, NaN: NaN, string: '{"extid":"1"}', boolean: true,
    bigint: 1n, symbol: Symbol("s"), function: () => ({ extid: "1" }),
    array: [], "array of objects": [{ extid: "1" }], Map: new Map([["extid", "1"]]), Set: new Set(["extid"]),
    Date: new Date(0), Uint8Array: new Uint8Array(4), ArrayBuffer: new ArrayBuffer(4), RegExp: /extid/,
    "String object": new String("x"), Error: new Error("x"), Promise: Promise.resolve({ extid: "1" }),
    "custom toStringTag": { extid: "1", [Symbol.toStringTag]: "Thing" },
    "Proxy: ownKeys throws": throwingProxy("ownKeys"),
    "Proxy: get throws": throwingProxy("get"),
    "Proxy: getOwnPropertyDescriptor throws": throwingProxy("getOwnPropertyDescriptor"),
    "revoked Proxy": revoked.proxy,
  };
  for (const [name, input] of Object.entries(cases)) {
    test(name, () => {
      assert.deepEqual(codes(checkResult(validate(input))), notAnObject);
      assert.deepEqual(codes(checkResult(validate(input, { unknownFields: "strip" }))), notAnObject);
    });
  }

  test("buildBody throws only ValidationError", () => {
    assert.throws(() => buildBody([]), (e) => e.name === "ValidationError" && e.errors[0].code === "not_an_object");
  });
});

describe("plain-ish objects are accepted", () => {
  test("null prototype, class instance, frozen, inherited keys ignored", () => {
    const bare = Object.assign(Object.create(null), { extid: "1" });
    class Ext { constructor() { this.extid = "1"; } get username() { return "x"; } }
    const inherits = Object.create({ username: "from prototype" });
    inherits.extid = "1";
    for (const input of [bare, new Ext(), Object.freeze({ extid: "1" }), inherits]) {
      assert.equal(checkResult(validate(input)).body, '{"extid":"1"}');
    }
  });

  test("non-enumerable and symbol keys are not read", () => {
    const input = { extid: "1", [Symbol("username")]: "x" };
    Object.defineProperty(input, "username", { value: {}, enumerable: false });
    assert.equal(checkResult(validate(input)).body, '{"extid":"1"}');
  });
});

describe("field values of the wrong type → wrong_type", () => {
  const values = {
    object: {}, array: [], "array of string": ["1001"], NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity,
    bigint: 1001n, symbol: Symbol("1001"), function: () => "1001", Map: new Map(), Date: new Date(0),
    Uint8Array: new Uint8Array([49]), "String object": new String("1001"), "null-prototype object": Object.create(null),
    "deeply nested object": Array.from({ length: 10000 }).reduce((o) => ({ o }), {}),
  };
  for (const [name, value] of Object.entries(values)) {
    test(name, () => {
      for (const field of ["extid", "username", "registerpassword", "hasvoicemail", "ringtimeout"]) {
        const input = field === "extid" ? { extid: value } : { extid: "1", [field]: value };
        assert.deepEqual(codes(checkResult(validate(input))), wrongType(field), field);
        assert.deepEqual(codes(validateField(field, value)), wrongType(field), field);
      }
    });
  }

  test("a getter that throws", () => {
    const input = { extid: "1", get username() { throw new Error("getter"); } };
    assert.deepEqual(codes(checkResult(validate(input))), wrongType("username"));
    const getExtid = Object.defineProperty({}, "extid", { enumerable: true, get() { throw new Error("x"); } });
    assert.deepEqual(codes(checkResult(validate(getExtid))), wrongType("extid"));
  });

  test("a Proxy whose get trap throws for one key", () => {
    const input = new Proxy({ extid: "1", username: "x" }, {
      get(t, k) { if (k === "username") throw new Error("trap"); return t[k]; },
    });
    assert.deepEqual(codes(checkResult(validate(input))), wrongType("username"));
  });

  test("a cyclic input", () => {
    const input = { extid: "1", username: {} };
    input.username.self = input;
    input.me = input;
    assert.deepEqual(codes(checkResult(validate(input))), [...wrongType("username"), { field: "me", code: "unknown_field" }]);
  });

  test("validateJson: non-string JSON values", () => {
    for (const v of ["{}", "[]", "[\"1\"]", "true", "1.5", "-1", "1e400", "null"]) {
      const r = checkResult(validateJson(`{"extid":"1","username":${v}}`));
      if (v === "null") assert.equal(r.body, '{"extid":"1"}');
      else assert.deepEqual(codes(r), wrongType("username"), v);
    }
  });
});

describe("lone UTF-16 surrogates → invalid_chars, never silently replaced", () => {
  test("in values given to validate / validateField", () => {
    for (const s of ["ab\uD800", "\uDC00", "a\uDBFFb"]) {
      for (const field of ["username", "registername", "registerpassword", "loginpassword", "email"]) {
        const value = field === "loginpassword" ? s + "abcdef" : s;
        assert.deepEqual(codes(checkResult(validate({ extid: "1", [field]: value }))), [{ field, code: "invalid_chars" }], field);
        assert.deepEqual(codes(validateField(field, value)), [{ field, code: "invalid_chars" }], field);
      }
    }
  });

  test("in JSON text, raw or escaped", () => {
    for (const text of ['{"extid":"1","registerpassword":"a\uD800"}', '{"extid":"1","registerpassword":"a\\ud800"}']) {
      assert.deepEqual(codes(checkResult(validateJson(text))), [{ field: "registerpassword", code: "invalid_chars" }]);
    }
    assert.deepEqual(codes(checkResult(validateJson('{"extid":"1"}\uDFFF'))), [{ field: "", code: "invalid_json" }]);
  });

  test("a valid pair is one character", () => {
    assert.equal(checkResult(validate({ extid: "1", username: "\u{20000}" })).value.username, "\u{20000}");
  });

  test("as a key: an unknown field, no crash", () => {
    const r = checkResult(validate({ extid: "1", ["x\uD800"]: "1" }));
    assert.deepEqual(r.errors.map((e) => e.code), ["unknown_field"]);
  });
});

describe("__proto__ and other special keys stay data", () => {
  test("JSON.parse('{\"__proto__\": …}') → unknown_field, strip drops it", () => {
    const input = JSON.parse('{"extid":"1","__proto__":{"username":"x"}}');
    assert.deepEqual(codes(checkResult(validate(input))), [{ field: "__proto__", code: "unknown_field" }]);
    assert.equal(checkResult(validate(input, { unknownFields: "strip" })).body, '{"extid":"1"}');
  });

  test("Object.defineProperty(o, '__proto__', …) → unknown_field", () => {
    const input = Object.defineProperty({ extid: "1" }, "__proto__", { value: "x", enumerable: true });
    assert.deepEqual(codes(checkResult(validate(input))), [{ field: "__proto__", code: "unknown_field" }]);
  });

  test("validateJson with __proto__, constructor, prototype, toJSON keys", () => {
    const r = checkResult(validateJson('{"extid":"1","__proto__":"a","constructor":"b","prototype":"c","toJSON":"d"}'));
    assert.deepEqual(r.errors.map((e) => e.field), ["__proto__", "constructor", "prototype", "toJSON"]);
  });

  test("a toJSON method on the input is not called", () => {
    const input = { extid: "1", toJSON() { throw new Error("called"); } };
    assert.deepEqual(codes(checkResult(validate(input))), [{ field: "toJSON", code: "unknown_field" }]);
  });

  test("options.current with __proto__ is data too, and nothing is polluted", () => {
    const current = JSON.parse('{"__proto__":{"enablemobile":"on","polluted":1},"moblie":""}');
    assert.equal(checkResult(validate({ extid: "1" }, { current })).ok, true);
    assert.equal(({}).polluted, undefined);
    assert.equal(Object.prototype.enablemobile, undefined);
  });
});

describe("messages stay displayable whatever the input (SPEC §4: a sentence a form can show as is)", () => {
  // Unknown keys are quoted in messages; a hostile key must not bring control
  // characters or megabytes into the UI.
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  test("no control characters from keys", () => {
    const r = checkResult(validate({ extid: "1", "a\nb": 1, "c\u0000\u001b[31m": 1, "d\u2028": 1 }));
    for (const e of r.errors) assert.doesNotMatch(e.message, CONTROL, JSON.stringify(e));
    for (const e of validateField("x\ty", "1")) assert.doesNotMatch(e.message, CONTROL, JSON.stringify(e));
  });
  test("bounded length for a megabyte key", () => {
    const r = checkResult(validate({ extid: "1", ["k".repeat(MB)]: "1" }));
    assert.ok(r.errors[0].message.length <= 300, `message of ${r.errors[0].message.length} characters`);
  });
});

describe("megabyte strings", () => {
  const big = "a".repeat(MB);
  test("too_long, small errors, in validate, validateField and validateJson", () => {
    for (const field of ["extid", "username", "registername", "registerpassword", "loginpassword", "email", "mobile", "agentid"]) {
      // Each value is wrong only by its length (an e-mail of valid form, digits where digits go).
      const value = ["extid", "mobile", "agentid"].includes(field) ? "1".repeat(MB) : field === "email" ? big + "@b.cd" : big;
      const input = field === "extid" ? { extid: value } : { extid: "1", [field]: value };
      const r = checkResult(validate(input));
      assert.deepEqual(codes(r), [{ field, code: "too_long" }], field);
      assert.ok(JSON.stringify(r.errors).length < 2000, `${field}: error text is small`);
      assert.deepEqual(codes(checkResult(validateJson(JSON.stringify(input)))), [{ field, code: "too_long" }], field);
      assert.deepEqual(codes(validateField(field, value)), [{ field, code: "too_long" }], field);
    }
  });

  test("a megabyte key is an unknown field; a megabyte of white space is blank", () => {
    const r = checkResult(validate({ extid: "1", [big]: "1" }));
    assert.deepEqual(r.errors.map((e) => e.code), ["unknown_field"]);
    assert.deepEqual(codes(checkResult(validate({ extid: "1", registername: " ".repeat(MB) }))), [{ field: "registername", code: "blank" }]);
  });

  test("JSON text of several megabytes", () => {
    const text = `{"extid":"1",${Array.from({ length: 1000 }, (_, i) => `"k${i}":"${"x".repeat(4096)}"`).join(",")}}`;
    const r = checkResult(validateJson(text));
    assert.equal(r.errors.length, 1000);
    assert.ok(r.errors.every((e) => e.code === "unknown_field"));
    assert.equal(checkResult(validateJson(text, { unknownFields: "strip" })).body, '{"extid":"1"}');
  });
});

describe("deeply nested JSON text (10,000 levels)", () => {
  const N = 10000;
  const oneWholeOrFieldError = (r, field, fieldCode) => {
    checkResult(r);
    assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
    const [e] = codes(r);
    // The core may refuse depth as invalid JSON or parse it and report the type.
    assert.ok(
      (e.field === "" && e.code === "invalid_json") || (e.field === field && e.code === fieldCode),
      JSON.stringify(e)
    );
  };

  test("arrays at the top", () => oneWholeOrFieldError(validateJson("[".repeat(N) + "]".repeat(N)), "", "not_an_object"));
  test("objects at the top", () => oneWholeOrFieldError(validateJson('{"extid":"1","a":' + '{"a":'.repeat(N) + "1" + "}".repeat(N + 1)), "a", "unknown_field"));
  test("as a field value", () => oneWholeOrFieldError(validateJson('{"extid":' + "[".repeat(N) + "]".repeat(N) + "}"), "extid", "wrong_type"));
  test("unclosed", () => assert.deepEqual(codes(checkResult(validateJson("[".repeat(10 * N)))), [{ field: "", code: "invalid_json" }]));
  test("100,000 levels", () => checkResult(validateJson('{"extid":' + "[".repeat(10 * N) + "]".repeat(10 * N) + "}")));
});

describe("misuse throws TypeError (and only misuse)", () => {
  test("validateJson with a non-string", () => {
    for (const v of [undefined, null, 1, {}, [], Buffer.from("{}"), new String("{}")]) assert.throws(() => validateJson(v), TypeError);
  });

  test("validateField with a non-string field name", () => {
    for (const v of [undefined, null, 1, Symbol("extid"), ["extid"], new String("extid")]) assert.throws(() => validateField(v, "1"), TypeError);
  });

  test("options that are not undefined/null/object", () => {
    for (const o of ["strip", 1, true, [], () => {}, Symbol("o"), 1n]) {
      assert.throws(() => validate({ extid: "1" }, o), TypeError, String(o));
      assert.throws(() => validateJson('{"extid":"1"}', o), TypeError);
      assert.throws(() => validateField("extid", "1", o), TypeError);
      assert.throws(() => buildBody({ extid: "1" }, o), TypeError);
    }
  });

  test("options.current that is not a readable plain object", () => {
    const bad = [[], ["x"], "x", 1, true, new Map(), new Date(), () => {}, throwingProxy("ownKeys", {}), throwingProxy("get", {}),
      { moblie: "", get enablemobile() { throw new Error("getter"); } }];
    for (const current of bad) assert.throws(() => validate({ extid: "1" }, { current }), TypeError);
  });

  test("options.unknownFields other than undefined/'error'/'strip'", () => {
    for (const unknownFields of ["STRIP", "ignore", "", null, true, 1]) {
      assert.throws(() => validate({ extid: "1" }, { unknownFields }), TypeError, String(unknownFields));
    }
  });

  test("an options object that cannot be read", () => {
    assert.throws(() => validate({ extid: "1" }, throwingProxy("get", {})), TypeError);
    assert.throws(() => validate({ extid: "1" }, { get current() { throw new Error("x"); } }), TypeError);
  });
});

describe("no secret value in any error", () => {
  const MARK = "Zq7Kx9Wv"; // letters and digits: survives any cut of the value
  const DIGITS = "98765432";
  const invalid = {
    registerpassword: [`${MARK};`, ` ${MARK}`, `${MARK} `, MARK.repeat(4), `${MARK}"`, `${MARK}\n`, `${MARK}\uD800`, `${MARK}\u0000`],
    loginpassword: [`${MARK}|x`, MARK.repeat(8), `${MARK}\``, `${MARK}<>`, `${MARK}\t`, MARK.slice(0, 5)],
    vmsecret: [MARK, `${DIGITS} `, DIGITS.repeat(8) + "0", `${DIGITS}x`, `-${DIGITS}`],
  };
  const leaks = (text, value) => {
    for (const needle of [MARK, DIGITS, MARK.slice(0, 5), value.trim()]) if (needle.length >= 5 && text.includes(needle)) return needle;
    return null;
  };
  const assertNoLeak = (what, errors, value) => {
    errors.forEach(checkFieldError);
    const text = JSON.stringify(errors);
    assert.equal(leaks(text, value), null, `${what} leaks the secret: ${text}`);
  };

  for (const [field, values] of Object.entries(invalid)) {
    test(field, () => {
      for (const value of values) {
        const r = checkResult(validate({ extid: "1", [field]: value }));
        assert.equal(r.ok, false, `${field}=${JSON.stringify(value)} should be invalid`);
        assert.deepEqual(r.errors.map((e) => e.field), [field]);
        assertNoLeak("validate", r.errors, value);
        assertNoLeak("validateJson", checkResult(validateJson(JSON.stringify({ extid: "1", [field]: value }))).errors, value);
        assertNoLeak("validateField", validateField(field, value), value);
        try {
          buildBody({ extid: "1", [field]: value });
          assert.fail("buildBody should throw");
        } catch (e) {
          assert.equal(leaks(e.message, value), null, `buildBody message: ${e.message}`);
          assert.equal(leaks(String(e.stack), value), null, "buildBody stack");
        }
      }
    });
  }

  test("secrets next to other errors, in current, and under misspelt names", () => {
    const value = `${MARK};`;
    const r = checkResult(
      validate(
        { extid: "x", registerpasword: value, loginpasswd: value, vmsecrets: DIGITS, username: value },
        { current: { registerpassword: value, loginpassword: value, vmsecret: value, enablemobile: "on" } }
      )
    );
    // username is not a secret: its own error may quote it, so leave it out of the check.
    assertNoLeak("misspelt secrets", r.errors.filter((e) => e.field !== "username"), value);
  });

  test("invalid JSON text around a secret", () => {
    for (const text of [
      `{"extid":"1","registerpassword":"${MARK}`,
      `{"extid":"1","loginpassword":"${MARK}\u0001"}`,
      `{"extid":"1","vmsecret":${MARK}}`,
      `{"extid":"1","vmsecret":"${DIGITS}" "${MARK}"}`,
      `{"extid":"1","registerpassword":"\\x${MARK}"}`,
    ]) {
      const r = checkResult(validateJson(text));
      assert.deepEqual(codes(r), [{ field: "", code: "invalid_json" }], text);
      assertNoLeak("invalid_json", r.errors, MARK);
    }
  });
});

describe("a fuzz of mangled JSON never throws", () => {
  test("5,000 mutations of a valid body", () => {
    const seed = '{"extid":"1002","username":"Ina Tang","registerpassword":"p@ss","maxregistrations":"3","email":"a@b.cd","enablemobile":"on","mobile":"555","atransferto":"Mobile Number","ringtimeout":"30","maxduration":"Follow System"}';
    const alphabet = '{}[]":,\\ 0123456789aeE.-+\u0000\uD800\u00e9truefalsenull';
    let x = 0x2545f491; // xorshift32: deterministic
    const rnd = (n) => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) % n; };
    for (let i = 0; i < 5000; i++) {
      const chars = [...seed];
      for (let k = 1 + rnd(4); k > 0; k--) {
        const at = rnd(chars.length);
        const op = rnd(3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, alphabet[rnd(alphabet.length)]);
        else chars[at] = alphabet[rnd(alphabet.length)];
      }
      const text = chars.join("");
      const r = validateJson(text);
      try {
        checkResult(r);
        if (r.ok) assert.equal(checkResult(validateJson(r.body)).body, r.body);
      } catch (e) {
        throw new Error(`${e.message}\ninput: ${JSON.stringify(text)}`);
      }
    }
  });
});
