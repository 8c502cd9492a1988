// The demo page (www/), served by scripts/serve.mjs exactly as `make demo` serves it, driven in
// headless Chromium: messages next to their fields, cross-field messages, the body and curl line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { launchChromium, loadPkg, spawnServeCli, watchPage } from './helpers.mjs';

const api = loadPkg();
const CURL_PREFIX = "curl -k -X POST 'https://HOST:8088/api/v1.0.0/extension/update?token=TOKEN' -H 'Content-Type: application/json' -d ";

let server;
let browser;
let context;
let page;
let watcher;

const errorFor = (name) => page.locator(`[data-error-for="${name}"]`);
const control = (name) => page.locator(`form [name="${name}"]`);
const includeBox = (name) => page.locator(`[data-include-for="${name}"]`);

/** Runs the curl line in bash with `curl` replaced by a function that prints its arguments. */
function curlArgs(line) {
  const out = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('demo page', () => {
  before(async () => {
    server = await spawnServeCli();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watcher = watchPage(page);
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
  });
  afterEach(async () => {
    watcher.assertClean(); // no page error, console error or failed request during the test
    await context.close();
  });

  test('the form is built from fields(), grouped, one named control per field', async () => {
    const metas = api.fields();
    assert.equal(metas.length, 38);
    for (const m of metas) {
      const c = control(m.name);
      assert.equal(await c.count(), 1, `one control named ${m.name}`);
      const tag = await c.evaluate((el) => `${el.tagName.toLowerCase()}:${el.type}`);
      const expected = m.allowed ? 'select:select-one' : m.secret ? 'input:password' : 'input:text';
      assert.equal(tag, expected, `control of ${m.name}`);
      assert.equal(await errorFor(m.name).count(), 1, `one message slot for ${m.name}`);
      assert.equal(await page.locator(`label[for="f-${m.name}"]`).count(), 1, `a label for ${m.name}`);
      if (m.allowed) {
        const values = await c.locator('option').evaluateAll((os) => os.map((o) => o.value));
        assert.deepEqual(values, ['', ...m.allowed], `options of ${m.name}`);
      }
      if (m.description) {
        assert.ok((await page.locator(`#help-${m.name}`).textContent()).includes(m.description));
      }
    }
    const groups = [...new Set(metas.map((m) => m.group))];
    assert.deepEqual(
      groups,
      ['user', 'registration', 'voicemail', 'always_forward', 'noanswer_forward', 'busy_forward', 'mobility', 'monitoring', 'call_limits'].filter((g) => groups.includes(g)),
    );
    const legends = await page.locator('fieldset.group > legend').allTextContents();
    assert.deepEqual(legends, groups.map((g) => metas.find((m) => m.group === g).groupLabel));
    // extid is always part of the update
    assert.equal(await includeBox('extid').isChecked(), true);
    assert.equal(await includeBox('extid').isDisabled(), true);
  });

  test('an invalid extid gets its message next to the field; fixing it shows the body', async () => {
    await control('extid').fill('12a');
    const expected = api.validateField('extid', '12a');
    assert.equal(expected[0]?.code, 'not_digits');
    await page.waitForSelector('[data-error-for="extid"][data-code="not_digits"]');
    assert.equal(await errorFor('extid').textContent(), expected[0].message);
    assert.equal(await errorFor('extid').isVisible(), true);
    assert.equal(await control('extid').getAttribute('aria-invalid'), 'true');
    assert.match(await control('extid').getAttribute('aria-describedby'), /\berr-extid\b/);
    assert.equal(await page.locator('#result').getAttribute('data-state'), 'invalid');
    assert.equal(await page.locator('#body').isVisible(), false);
    assert.match(await page.locator('#summary').textContent(), /Extension number/);
    assert.equal(await page.locator('#copy-curl').isDisabled(), true);

    await control('extid').fill(' 1002 ');
    await page.waitForSelector('#result[data-state="valid"]');
    assert.equal(await errorFor('extid').isVisible(), false);
    assert.equal(await control('extid').getAttribute('aria-invalid'), null);
    assert.equal(await page.locator('#body').textContent(), '{"extid":"1002"}');
    const curl = await page.locator('#curl').textContent();
    assert.equal(curl, `${CURL_PREFIX}'{"extid":"1002"}'`);
  });

  test('cross-field: mobility on with a blank mobile puts required_if next to mobile', async () => {
    await control('extid').fill('1002');
    await control('enablemobile').selectOption('on');
    assert.equal(await includeBox('enablemobile').isChecked(), true);
    await page.waitForSelector('[data-error-for="mobile"][data-code="required_if"]');
    const expected = api.validate({ extid: '1002', enablemobile: 'on' });
    assert.equal(expected.ok, false);
    const mobileErr = expected.errors.find((e) => e.field === 'mobile');
    assert.equal(mobileErr.code, 'required_if');
    assert.equal(await errorFor('mobile').textContent(), mobileErr.message);
    assert.equal(await control('mobile').getAttribute('aria-invalid'), 'true');

    await control('mobile').fill('13800138000');
    await page.waitForSelector('#result[data-state="valid"]');
    assert.equal(await errorFor('mobile').isVisible(), false);
    const body = api.validate({ extid: '1002', mobile: '13800138000', enablemobile: 'on' }).body;
    assert.equal(await page.locator('#body').textContent(), body);
    const curl = await page.locator('#curl').textContent();
    assert.ok(curl.includes(body), 'the curl line carries the body');

    // Switching mobility back off removes the need for a mobile number.
    await control('mobile').fill('');
    await page.waitForSelector('[data-error-for="mobile"][data-code="required_if"]');
    await control('enablemobile').selectOption('off');
    await page.waitForSelector('#result[data-state="valid"]');
    assert.equal(await errorFor('mobile').isVisible(), false);
  });

  test('cross-field rules use the pasted current extension (vendor sample, `moblie`)', async () => {
    await page.locator('#current-box > summary').click();
    await page.locator('#current-sample').click();
    await control('extid').fill('1000');
    await control('alwaysforward').selectOption('on');
    await control('atransferto').selectOption('Mobile Number');
    await page.waitForSelector('[data-error-for="mobile"][data-code="required_if"]');
    await control('mobile').fill('5551234');
    await page.waitForSelector('#result[data-state="valid"]');
    assert.equal(
      await page.locator('#body').textContent(),
      '{"extid":"1000","mobile":"5551234","alwaysforward":"on","atransferto":"Mobile Number"}',
    );
    await page.locator('#current').fill('{ not json');
    assert.equal(await errorFor('current').isVisible(), true);
  });

  test('include on purpose sends a blank value; unticking leaves the field out', async () => {
    await control('extid').fill('1002');
    await includeBox('username').check();
    await page.waitForSelector('#result[data-state="valid"]');
    assert.equal(await page.locator('#body').textContent(), '{"extid":"1002","username":""}');
    await control('callerid').fill('Ina Tang');
    assert.equal(await page.locator('#body').textContent(), '{"extid":"1002","username":"","callerid":"Ina Tang"}');
    await includeBox('username').uncheck();
    assert.equal(await page.locator('#body').textContent(), '{"extid":"1002","callerid":"Ina Tang"}');
    // A blank required-when-given field included on purpose is refused next to it.
    await includeBox('registername').check();
    await page.waitForSelector('[data-error-for="registername"][data-code="blank"]');
  });

  test('a secret never shows up in a message; the curl line survives a shell', async () => {
    await control('extid').fill('1002');
    await control('registerpassword').fill('se;cret');
    await page.waitForSelector('[data-error-for="registerpassword"][data-code="invalid_chars"]');
    const text = await page.locator('body').textContent();
    assert.equal(text.includes('se;cret'), false, 'the password value appears nowhere in the page text');

    await control('registerpassword').fill('Pa$$w0rd');
    await control('email').fill("o'neil@example.com");
    await page.waitForSelector('#result[data-state="valid"]');
    const body = await page.locator('#body').textContent();
    assert.equal(body, api.validate({ extid: '1002', registerpassword: 'Pa$$w0rd', email: "o'neil@example.com" }).body);
    const curl = await page.locator('#curl').textContent();
    assert.ok(curl.startsWith(CURL_PREFIX));
    assert.deepEqual(curlArgs(curl), [
      '-k', '-X', 'POST', 'https://HOST:8088/api/v1.0.0/extension/update?token=TOKEN',
      '-H', 'Content-Type: application/json', '-d', body,
    ]);
  });

  test('two columns on a wide screen, stacked on a narrow one', async () => {
    const form = page.locator('.form-col');
    const out = page.locator('.out-col');
    let [f, o] = [await form.boundingBox(), await out.boundingBox()];
    assert.ok(o.x >= f.x + f.width, 'result column right of the form');
    await page.setViewportSize({ width: 480, height: 900 });
    [f, o] = [await form.boundingBox(), await out.boundingBox()];
    assert.ok(o.y >= f.y + f.height, 'result below the form');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling');
  });

  test('the copy button puts the curl line on the clipboard', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await control('extid').fill('1002');
    await page.waitForSelector('#result[data-state="valid"]');
    await page.locator('#copy-curl').click();
    await page.waitForFunction(() => document.querySelector('#copy-note-curl').textContent === 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${CURL_PREFIX}'{"extid":"1002"}'`);
  });
});
