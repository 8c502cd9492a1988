// Names take letters (General Category L) and marks (M) of any script: the core's generated
// table must agree with the JS engine's /\p{L}|\p{M}/u for every code point, when the engine
// has the same Unicode version (scripts/gen-unicode.py; Decision 4 in the README).
import { test } from "node:test";
import assert from "node:assert/strict";
import support from "./support.cjs";

const { validateMany } = support.requirePkg();
const TABLE_UNICODE = "17.0";
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

test(`every code point: username accepts exactly \\p{L} and \\p{M} (Unicode ${TABLE_UNICODE})`, { skip: process.versions.unicode !== TABLE_UNICODE && `this Node has Unicode ${process.versions.unicode}` }, () => {
  const mismatches = [];
  const CHUNK = 65536;
  for (let start = 0x80; start <= 0x10ffff; start += CHUNK) {
    const cps = [];
    for (let cp = start; cp < Math.min(start + CHUNK, 0x110000); cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // not characters
      cps.push(cp);
    }
    const results = validateMany(cps.map((cp) => ({ extid: "1", username: String.fromCodePoint(cp) })));
    cps.forEach((cp, i) => {
      const js = LETTER_OR_MARK.test(String.fromCodePoint(cp));
      // Trimmed white space (U+00A0, U+3000…) leaves a blank name, which is fine too.
      const ours = results[i].ok && results[i].value.username !== "" ? true : results[i].ok ? null : false;
      if (ours !== null && ours !== js) mismatches.push(cp.toString(16));
    });
  }
  assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} code points disagree`);
});
