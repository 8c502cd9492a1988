// The demo page (www/), served by scripts/serve.mjs exactly as `make demo` serves it, driven in
// headless Chromium: messages next to their fields, cross-field messages, the body and curl line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { launchChromium, loadPkg, spawnServeCli, watchPage } from './helpers.mjs';

const api = loadPkg();
// The vendor's sample answer of /extension/query (SPEC §6), as the PBX sends it.
const VENDOR_ANSWER =
  '{"status":"Success","extinfos":[{"extnumber":"1000","username":"Jayson","status":"Registered","type":"SIP","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","maxregistrations":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","email":"","moblie":"","language":"System Default","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","btransferto":"Voicemail","btransferprefix":"","ringsimultaneous":"off","mobileprefix":"","enablemobile":"off","allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":""}]}';
const VENDOR_EXTINFO = JSON.parse(VENDOR_ANSWER).extinfos[0];
const CURL_PREFIX = "curl -k -X POST 'https://HOST:8088/api/v1.0.0/extension/update?token=TOKEN' -H 'Content-Type: application/json' -d ";

let server;
let browser;
let context;
let page;
let watcher;

const errorFor = (name) => page.locator(`[data-error-for="${name}"]`);
const control = (name) => page.locator(`form [name="${name}"]`);
const includeBox = (name) => page.locator(`[data-include-for="${name}"]`);

/** Pastes a query answer into the load box and presses Load. */
async function loadQuery(text) {
  await page.locator('#query').fill(text);
  await page.locator('#query-load').click();
}

/** The wire names listed as changed, in order. */
const changedNames = () => page.locator('#changed > li').evaluateAll((lis) => lis.map((li) => li.dataset.field));

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
  test('loading the vendor query answer fills the form and keeps it as the "before" state', async () => {
    const before = api.fromQuery(VENDOR_EXTINFO);
    assert.equal(await page.locator('#diff-panel').isVisible(), false, 'no diff before a load');
    await loadQuery(VENDOR_ANSWER);
    await page.waitForSelector('#diff-panel:not([hidden])');

    assert.equal(await control('extid').inputValue(), '1000');
    assert.equal(await control('username').inputValue(), 'Jayson');
    assert.equal(await control('mobile').inputValue(), '', 'moblie → mobile, empty');
    assert.equal(await includeBox('mobile').isChecked(), true, 'a given field is included');
    assert.equal(await control('loginpassword').inputValue(), '', 'the MD5 login password is not loaded');
    assert.equal(await includeBox('loginpassword').isChecked(), false);
    for (const m of api.fields()) {
      const expected = before[m.name];
      assert.equal(await control(m.name).inputValue(), expected ?? '', `value of ${m.name}`);
      assert.equal(await includeBox(m.name).isChecked(), expected !== undefined, `include box of ${m.name}`);
    }
    assert.match(await page.locator('#query-message').textContent(), /Loaded extension 1000/);
    assert.equal(await page.locator('#query-pick-box').isVisible(), false, 'one extinfo: no picker');

    // No edit yet: the minimal update holds extid only, and the curl line sends that.
    assert.equal(await page.locator('#diff-status').textContent(), 'No changes: the body would hold extid only.');
    assert.equal(await page.locator('#changed').isVisible(), false);
    assert.equal(await page.locator('#diff-body').textContent(), '{"extid":"1000"}');
    assert.equal(await page.locator('#curl').textContent(), `${CURL_PREFIX}'{"extid":"1000"}'`);
    assert.match(await page.locator('#curl-source').textContent(), /changes only/);
    // The full body stays, labelled as such.
    assert.equal(await page.locator('#result-title').textContent(), 'Full body (every included field)');
    assert.equal(await page.locator('#body').textContent(), api.validate(before).body);
    // The loaded state is the current extension of the cross-field rules.
    assert.deepEqual(JSON.parse(await page.locator('#current').inputValue()), before);
    assert.equal(await page.locator('#warnings-list > li').count(), 0);
  });

  test('editing after a load: the diff lists the changed field and builds the minimal body', async () => {
    await loadQuery(VENDOR_ANSWER);
    const before = api.fromQuery(VENDOR_EXTINFO);
    await control('username').fill('Ina Tang');
    await page.waitForSelector('#diff-panel[data-state="changed"]');
    const expected = api.diff(before, { ...before, username: 'Ina Tang' });
    assert.deepEqual(expected.changed, ['username']);
    assert.deepEqual(await changedNames(), ['username']);
    assert.match(await page.locator('#changed').textContent(), /Name/, 'the changed field shows with its label');
    assert.equal(await page.locator('#diff-status').textContent(), '1 field changed:');
    assert.equal(await page.locator('#diff-body').textContent(), '{"extid":"1000","username":"Ina Tang"}');
    assert.equal(await page.locator('#diff-body').textContent(), expected.body);
    assert.equal(await page.locator('#curl').textContent(), `${CURL_PREFIX}'${expected.body}'`);
    assert.equal(await page.locator('#copy-curl').isDisabled(), false);

    // Back to the loaded value: no change again. Unticking a field leaves it as it is too.
    await control('username').fill('Jayson');
    await page.waitForSelector('#diff-panel[data-state="unchanged"]');
    assert.equal(await page.locator('#diff-body').textContent(), '{"extid":"1000"}');
    await control('callerid').fill('1999');
    assert.deepEqual(await changedNames(), ['callerid']);
    await includeBox('callerid').uncheck();
    await page.waitForSelector('#diff-panel[data-state="unchanged"]');
    assert.match(await page.locator('#diff-status').textContent(), /^No changes/);

    // An invalid change is refused in the diff; the curl line waits for the fix.
    await control('email').fill('not-an-email');
    await page.waitForSelector('#diff-panel[data-state="invalid"]');
    assert.equal(await errorFor('email').isVisible(), true);
    assert.equal(await page.locator('#diff-body').isVisible(), false);
    assert.match(await page.locator('#diff-summary').textContent(), /Email address/);
    assert.equal(await page.locator('#copy-curl').isDisabled(), true);
    await control('email').fill('ina@example.com');
    await page.waitForSelector('#diff-panel[data-state="changed"]');
    assert.equal(await page.locator('#diff-body').textContent(), '{"extid":"1000","email":"ina@example.com"}');

    // Another extid renumbers the loaded extension (diff sends it as extnumber): said, not hidden.
    await control('extid').fill('1001');
    assert.equal(await page.locator('#diff-note').isVisible(), true);
    assert.match(await page.locator('#diff-note').textContent(), /1000/);
    await page.waitForFunction(() => document.querySelector('#diff-body').textContent.includes('extnumber'));
    assert.equal(await page.locator('#diff-body').textContent(), '{"extid":"1000","extnumber":"1001","email":"ina@example.com"}');

    // Forgetting the loaded state: back to the full body.
    await page.locator('#query-forget').click();
    await page.waitForSelector('#diff-panel[hidden]', { state: 'attached' });
    assert.equal(await page.locator('#curl-source').isVisible(), false);
    assert.equal(await page.locator('#result-title').textContent(), 'Request body');
    const body = await page.locator('#body').textContent();
    assert.equal(await page.locator('#curl').textContent(), `${CURL_PREFIX}'${body}'`);
  });

  test('voicemail off after a load: warnings in their own region and under the fields; the body still shows', async () => {
    await loadQuery(VENDOR_ANSWER);
    const before = api.fromQuery(VENDOR_EXTINFO);
    await control('hasvoicemail').selectOption('off');
    await page.waitForSelector('#warnings-list > li');
    const expected = api.diff(before, { ...before, hasvoicemail: 'off' });
    assert.equal(expected.ok, true);
    assert.deepEqual(expected.warnings.map((w) => [w.field, w.code]), [
      ['ntransferto', 'forward_to_disabled_voicemail'],
      ['btransferto', 'forward_to_disabled_voicemail'],
    ]);
    const items = await page.locator('#warnings-list > li').evaluateAll((lis) => lis.map((li) => [li.dataset.field, li.dataset.code, li.textContent]));
    assert.deepEqual(items.map(([f, c]) => [f, c]), expected.warnings.map((w) => [w.field, w.code]));
    for (const [i, w] of expected.warnings.entries()) assert.ok(items[i][2].endsWith(w.message), `message of ${w.field}`);
    assert.equal(await page.locator('#warnings').getAttribute('role'), 'status');
    assert.match(await page.locator('#warnings-status').textContent(), /2 warnings/);

    // Under each field, styled apart from errors, and described by it.
    for (const w of expected.warnings) {
      const slot = page.locator(`[data-warning-for="${w.field}"]`);
      assert.equal(await slot.isVisible(), true);
      assert.equal(await slot.textContent(), w.message);
      assert.equal(await errorFor(w.field).isVisible(), false, 'a warning is not an error');
      assert.match(await control(w.field).getAttribute('aria-describedby'), new RegExp(`\\bwarn-${w.field}\\b`));
      assert.equal(await control(w.field).getAttribute('aria-invalid'), null);
    }
    const [warnColor, errColor] = await page.evaluate(() => {
      const probe = document.querySelector('[data-error-for="extid"]');
      return [getComputedStyle(document.querySelector('[data-warning-for="ntransferto"]')).color, getComputedStyle(probe).color];
    });
    assert.notEqual(warnColor, errColor, 'warnings look different from errors');

    // Warnings never block.
    assert.equal(await page.locator('#diff-panel').getAttribute('data-state'), 'changed');
    assert.equal(await page.locator('#diff-body').textContent(), '{"extid":"1000","hasvoicemail":"off"}');
    assert.equal(await page.locator('#copy-curl').isDisabled(), false);
    assert.equal(await page.locator('#result').getAttribute('data-state'), 'valid');

    // Voicemail back on: the warnings go.
    await control('hasvoicemail').selectOption('on');
    await page.waitForFunction(() => document.querySelectorAll('#warnings-list > li').length === 0);
    assert.equal(await page.locator('[data-warning-for="ntransferto"]').isVisible(), false);
    assert.equal(await page.locator('#warnings-panel').getAttribute('data-count'), '0');
  });

  test('warnings without a loaded state too (a login password that looks like an MD5 hash)', async () => {
    await control('extid').fill('1002');
    await control('loginpassword').fill('5e12ba8dd1083a7f946e457cf3c18779');
    await page.waitForSelector('#warnings-list > li[data-code="password_looks_hashed"]');
    const expected = api.validate({ extid: '1002', loginpassword: '5e12ba8dd1083a7f946e457cf3c18779' });
    assert.equal(expected.ok, true);
    assert.equal(await page.locator('[data-warning-for="loginpassword"]').textContent(), expected.warnings[0].message);
    assert.equal(await page.locator('#body').textContent(), expected.body);
    assert.equal(await page.locator('#result').getAttribute('data-state'), 'valid');
  });

  test('language switch: labels, messages and page texts in Chinese, then back in English', async () => {
    await loadQuery(VENDOR_ANSWER);
    await control('hasvoicemail').selectOption('off');
    await control('username').fill('In;a');
    await page.waitForSelector('[data-error-for="username"][data-code="invalid_chars"]');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await page.locator('#lang').selectOption('zh-CN');
    await page.waitForSelector('html[lang="zh-CN"]');
    const zh = new Map(api.fields({ locale: 'zh-CN' }).map((m) => [m.name, m]));
    assert.equal(await page.locator('label[for="f-username"] .label-text').textContent(), zh.get('username').label);
    assert.equal(await page.locator('fieldset[data-group="voicemail"] > legend').textContent(), zh.get('hasvoicemail').groupLabel);
    assert.equal(await includeBox('username').getAttribute('aria-label'), `在更新中包含${zh.get('username').label}`);
    const zhError = api.validateField('username', 'In;a', { locale: 'zh-CN' })[0];
    assert.equal(await errorFor('username').textContent(), zhError.message);
    assert.match(zhError.message, /[\u4e00-\u9fff]/, 'the error message is Chinese');
    const before = api.fromQuery(VENDOR_EXTINFO);
    const zhDiff = api.diff(before, { ...before, username: 'In;a', hasvoicemail: 'off' }, { locale: 'zh-CN' });
    const zhWarning = zhDiff.warnings.find((w) => w.field === 'ntransferto');
    assert.match(zhWarning.message, /[\u4e00-\u9fff]/);
    assert.equal(await page.locator('[data-warning-for="ntransferto"]').textContent(), zhWarning.message);
    assert.ok((await page.locator('#warnings-list').textContent()).includes(zhWarning.message));
    assert.ok((await page.locator('#diff-summary').textContent()).includes(zhError.message));
    // Static texts and the page title.
    assert.equal(await page.locator('h1').textContent(), '分机更新请求生成器');
    assert.equal(await page.locator('#query-load').textContent(), '载入');
    assert.equal(await page.locator('#query-title').textContent(), '从查询结果载入');
    assert.equal(await page.title(), 'Yeastar 分机更新 – 请求生成器');
    // The vendor's descriptions stay English, marked as such.
    assert.equal(await page.locator('#help-username .desc').getAttribute('lang'), 'en');

    await page.locator('#lang').selectOption('en');
    await page.waitForSelector('html[lang="en"]');
    assert.equal(await page.locator('label[for="f-username"] .label-text').textContent(), 'Name');
    assert.equal(await errorFor('username').textContent(), api.validateField('username', 'In;a')[0].message);
    assert.equal(
      await page.locator('[data-warning-for="ntransferto"]').textContent(),
      api.diff(before, { ...before, hasvoicemail: 'off' }).warnings[0].message,
    );
    assert.equal(await page.locator('h1').textContent(), 'Extension update request builder');
    assert.equal(await page.locator('#query-load').textContent(), 'Load');
  });

  test('a bad query answer gets a message next to the box, never a page error', async () => {
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const message = page.locator('#query-message');

    await loadQuery('{ not json');
    assert.equal(await message.textContent(), 'This is not valid JSON.');
    assert.equal(await message.getAttribute('data-state'), 'error');
    assert.equal(await page.locator('#query').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#diff-panel').isVisible(), false, 'nothing loaded');

    await loadQuery('{"status":"Success","extinfos":[]}');
    assert.match(await message.textContent(), /No extension in it/);
    await loadQuery('{"status":"Success"}');
    assert.match(await message.textContent(), /No extension in it/);
    await loadQuery('');
    assert.equal(await message.textContent(), 'Paste a query response first.');
    await loadQuery('[1, 2]');
    assert.match(await message.textContent(), /must be a JSON object/);
    await loadQuery('{"extinfos":[{"username":"x"}]}');
    assert.match(await message.textContent(), /no "extnumber"/);
    await loadQuery('{"status":"Failed","errno":"20006"}');
    assert.equal(await message.textContent(), `The PBX answered Failed (errno 20006): ${api.explainErrno('20006').message}`);
    await page.locator('#lang').selectOption('zh-CN');
    assert.match(await message.textContent(), new RegExp(api.explainErrno('20006', { locale: 'zh-CN' }).message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.locator('#lang').selectOption('en');

    // A good answer after the bad ones loads, and the error state goes.
    await loadQuery(VENDOR_ANSWER);
    assert.equal(await message.getAttribute('data-state'), 'ok');
    assert.equal(await page.locator('#query').getAttribute('aria-invalid'), null);
    // A bad answer afterwards keeps the loaded state.
    await loadQuery('nope');
    assert.equal(await page.locator('#diff-panel').isVisible(), true);
    assert.equal(await control('extid').inputValue(), '1000');
    assert.deepEqual(pageErrors, []);
  });

  test('several extinfos: the person picks one by extnumber; one object or an array also load', async () => {
    const other = { ...VENDOR_EXTINFO, extnumber: '1001', username: 'Ina', moblie: '5551234', hasvoicemail: 'off' };
    await page.locator('#query').fill(JSON.stringify({ status: 'Success', extinfos: [VENDOR_EXTINFO, other] }));
    await page.waitForSelector('#query-pick-box:not([hidden])');
    const labels = await page.locator('#query-pick option').allTextContents();
    assert.deepEqual(labels, ['1000 – Jayson', '1001 – Ina']);
    assert.equal(await page.locator('label[for="query-pick"]').count(), 1);
    await page.locator('#query-pick').selectOption({ label: '1001 – Ina' });
    await page.locator('#query-load').click();
    await page.waitForSelector('#diff-panel:not([hidden])');
    assert.equal(await control('extid').inputValue(), '1001');
    assert.equal(await control('username').inputValue(), 'Ina');
    assert.equal(await control('mobile').inputValue(), '5551234');
    assert.equal(await page.locator('#diff-body').textContent(), '{"extid":"1001"}');

    // A bare array of extinfos, keyboard only: focus the picker, choose, press Enter on Load.
    await page.locator('#query').fill(JSON.stringify([other, VENDOR_EXTINFO]));
    await page.locator('#query-pick').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('#query-load').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('form [name="extid"]').value === '1000');
    assert.equal(await control('username').inputValue(), 'Jayson');

    // One extinfo object on its own: no picker.
    await page.locator('#query').fill(JSON.stringify(other));
    assert.equal(await page.locator('#query-pick-box').isVisible(), false);
    await page.locator('#query-load').click();
    await page.waitForFunction(() => document.querySelector('form [name="extid"]').value === '1001');
    assert.equal(await control('hasvoicemail').inputValue(), 'off');
  });
});
