// The package in a browser, without a bundler: a page imports `/pkg/index.js` (no init) and
// `/pkg/slim.js` (`await init()`, separate .wasm) with plain <script type="module">, then feeds
// both entries ordinary and hostile inputs (tests/browser/fixtures/cases.js).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { FIXTURES, PKG, launchChromium, requirePkg, watchPage } from './helpers.mjs';

/** error(field, code…): the result must hold an error on `field` with one of the codes. */
const error = (field, ...codes) => ({ field, codes });

// Expected outcome per case: 'ok' + body, a list of expected errors, or a custom check.
const EXPECT = {
  valid: { body: '{"extid":"1002","username":"Amy"}' },
  valid_number: { body: '{"extid":"1002","maxregistrations":"3","hasvoicemail":"on","ringtimeout":"60"}' },
  valid_json: { body: '{"extid":"1002","username":"Amy"}' },
  nan: [error('extid', 'wrong_type')],
  infinity: [error('extid', 'wrong_type')],
  bigint: [error('extid', 'wrong_type')],
  symbol: [error('username', 'wrong_type')],
  function: [error('username', 'wrong_type')],
  object_value: [error('username', 'wrong_type')],
  array_value: [error('extid', 'wrong_type')],
  lone_surrogate: [error('username', 'invalid_chars')],
  throwing_getter: [error('username', 'wrong_type')],
  throwing_proxy: [error('', 'not_an_object')],
  proto_key: [error('__proto__', 'unknown_field')],
  proto_key_strip: { body: '{"extid":"1"}' },
  proto_key_json: [error('__proto__', 'unknown_field')],
  map: [error('', 'not_an_object')],
  date: [error('', 'not_an_object')],
  array: [error('', 'not_an_object')],
  null_input: [error('', 'not_an_object')],
  string_input: [error('', 'not_an_object')],
  megabyte_string: [error('username', 'too_long')],
  megabyte_digits: [error('extid', 'too_long')],
  megabyte_json: [error('username', 'too_long')],
  deep_json_unclosed: [error('', 'invalid_json')],
  // Well-formed but deep: refused as unparsable (depth limit) or as a wrong type; never a crash.
  deep_json_balanced: [error('', 'invalid_json', 'wrong_type'), 'or', error('username', 'wrong_type')],
  deep_json_objects: [error('', 'invalid_json'), 'or', error('a', 'unknown_field')],
  invalid_json: [error('', 'invalid_json')],
  json_lone_surrogate: [error('username', 'invalid_chars')],
  current_moblie: { body: '{"extid":"1","enablemobile":"on"}' },
};

function checkErrors(name, r, expected) {
  assert.equal(r.kind, 'result', `${name}: a result object, got ${JSON.stringify(r).slice(0, 300)}`);
  assert.equal(r.ok, false, `${name}: not ok`);
  assert.ok(r.errors.length > 0, `${name}: at least one error`);
  for (const e of r.errors) assert.ok(e.hasMessage, `${name}: every error has a message`);
  // Alternatives are separated by 'or'; each alternative is a list of required errors.
  const alternatives = [[]];
  for (const x of expected) {
    if (x === 'or') alternatives.push([]);
    else alternatives.at(-1).push(x);
  }
  const matches = (want) => want.every((w) => r.errors.some((e) => e.field === w.field && w.codes.includes(e.code)));
  assert.ok(
    alternatives.some(matches),
    `${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(r.errors.map(({ field, code }) => ({ field, code })))}`,
  );
}

const results = (entry) => pages[entry].results;

function checkCase(name, r) {
  const want = EXPECT[name];
  if (!want) return false;
  if (Array.isArray(want)) checkErrors(name, r, want);
  else {
    assert.equal(r.kind, 'result', `${name}: a result object, got ${JSON.stringify(r).slice(0, 300)}`);
    assert.equal(r.ok, true, `${name}: ok, got ${JSON.stringify(r.errors)}`);
    assert.equal(r.body, want.body, `${name}: body`);
    assert.ok(r.bodyMatchesValue, `${name}: value is JSON.parse(body)`);
  }
  return true;
}

let server;
let browser;
const pages = {}; // page name → { results, wasm: [{url, type}], problems }

/** Opens one fixture page and collects its results, .wasm responses and problems. */
async function runPage(name) {
  const page = await browser.newPage();
  const watcher = watchPage(page);
  const wasm = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push({ url: r.url(), type: r.headers()['content-type'] });
  });
  await page.goto(`${server.url}${name}.html`);
  const failed = new Promise((_, reject) => page.once('pageerror', (e) => reject(new Error(`${name}.html: ${e.message}`))));
  await Promise.race([page.waitForSelector('html[data-done="true"]', { timeout: 60_000 }), failed]);
  const results = await page.evaluate(() => window.__results);
  await page.close();
  return { results, wasm, watcher };
}

describe('package in a plain browser page (index.js and slim.js)', () => {
  before(async () => {
    requirePkg();
    server = await startServer({
      port: 0,
      mounts: [
        { prefix: '/pkg/', dir: PKG },
        { prefix: '/', dir: FIXTURES },
      ],
    });
    browser = await launchChromium();
    for (const name of ['index', 'slim', 'both']) pages[name] = await runPage(name);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('index.js: embedded wasm, no init, no .wasm request, no page error', () => {
    pages.index.watcher.assertClean();
    assert.deepEqual(pages.index.wasm, []);
  });

  test('slim.js: init() fetches the .wasm as application/wasm; the API refuses to run before it', () => {
    pages.slim.watcher.assertClean();
    assert.equal(pages.slim.wasm.length, 1, JSON.stringify(pages.slim.wasm));
    assert.equal(pages.slim.wasm[0].type, 'application/wasm');
    const early = pages.slim.results.before_init;
    assert.equal(early.kind, 'threw');
    assert.ok(early.isError);
    assert.match(early.message, /init/);
  });

  test('both entries coexist in one page', () => {
    pages.both.watcher.assertClean();
    for (const entry of ['index', 'slim']) assert.equal(pages.both.results[entry].body, '{"extid":"1002"}', entry);
  });

  for (const entry of ['index', 'slim']) {
    describe(`${entry}.js`, () => {
      test('every case gives a structured answer and the module still works after it', () => {
        for (const [name, r] of Object.entries(results(entry))) {
          if (name.startsWith('build_body') || name === 'before_init') continue; // these throw by contract
          if (name === 'current_hostile' && r.kind === 'threw') {
            // options are not data: an unreadable options.current may be refused with a TypeError
            assert.equal(r.name, 'TypeError', `${name}: ${r.name}: ${r.message}`);
          } else {
            assert.notEqual(r.kind, 'threw', `${name}: threw ${r.name}: ${r.message}`);
          }
          assert.ok(r.stillWorks, `${name}: validate({extid:"1002"}) works afterwards`);
        }
      });

      test('valid and hostile inputs give the expected result or error codes', () => {
        let checked = 0;
        for (const [name, r] of Object.entries(results(entry))) if (checkCase(name, r)) checked++;
        assert.ok(checked >= 30, `checked ${checked} cases`);
      });

      test('validateField, buildBody, options.current, fields() and schema()', () => {
        const r = results(entry);
        assert.equal(r.field_symbol.kind, 'errors');
        assert.deepEqual(r.field_symbol.errors.map((e) => e.code), ['wrong_type']);
        assert.deepEqual(r.field_bigint.errors.map((e) => e.code), ['wrong_type']);
        assert.deepEqual(r.field_surrogate.errors.map((e) => e.code), ['invalid_chars']);
        assert.deepEqual(r.field_ok.errors, []);

        assert.equal(r.build_body_invalid.kind, 'threw');
        assert.ok(r.build_body_invalid.isError, 'buildBody throws an Error');
        assert.deepEqual(r.build_body_invalid.errors.map((e) => [e.field, e.code]), [['extid', 'not_digits']]);
        assert.equal(r.build_body_valid.kind, 'value');
        assert.equal(r.build_body_valid.value, '{"extid":"1002","dnd":"on"}');

        // An unreadable options.current (a Proxy whose traps throw) is a caller's mistake, not
        // data: a structured error or a TypeError are both fine, a crash of the module is not.
        assert.ok(
          r.current_hostile.kind === 'result' || r.current_hostile.name === 'TypeError',
          JSON.stringify(r.current_hostile),
        );
        assert.ok(r.current_hostile.stillWorks);
        assert.equal(r.fields_meta.value, 38);
        assert.equal(r.schema_meta.value, false);
      });

      test('no message or param repeats a secret value', () => {
        const r = results(entry).secret_not_echoed;
        assert.equal(r.ok, false);
        for (const secret of ['se;cret pw', 'se;cret', 'x"y', 'abc123']) {
          assert.equal(r.text.includes(secret), false, `"${secret}" appears in ${r.text}`);
        }
        const fields = r.errors.map((e) => e.field);
        for (const f of ['registerpassword', 'loginpassword', 'vmsecret']) assert.ok(fields.includes(f), `${f} refused`);
      });
    });
  }

  test('both entries agree on every case', () => {
    for (const name of Object.keys(results('index'))) {
      assert.deepEqual(results('slim')[name], results('index')[name], name);
    }
  });
});
