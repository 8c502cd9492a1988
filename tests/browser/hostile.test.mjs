// Hostile JS callers in headless Chromium (issue 5, item 3): the default entry in a plain
// module page (tests/browser/fixtures/hostile.html) runs the cases shared with Node
// (fixtures/hostile-cases.js) and a long deterministic mix of calls with the wasm linear memory
// sampled through the glue's memoryBytes() diagnostic.
//
// Chromium runs 250,000 mixed calls (BROWSER_MIXED_CALLS), a quarter of the Node test's
// million: the same mix, and the memory must stop growing after the warm-up all the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { hostileCases } from './fixtures/hostile-cases.js';
import { FIXTURES, PKG, launchChromium, requirePkg, watchPage } from './helpers.mjs';

const CALLS = Number(process.env.BROWSER_MIXED_CALLS ?? 250_000);
const MiB = 1 << 20;
const mib = (b) => `${(b / MiB).toFixed(2)} MiB`;

let server;
let browser;
let page;
let watcher;
let mixed;
let cases;

describe('hostile callers in Chromium (default entry)', () => {
  before(async () => {
    requirePkg();
    server = await startServer({ port: 0, mounts: [{ prefix: '/pkg/', dir: PKG }, { prefix: '/', dir: FIXTURES }] });
    browser = await launchChromium();
    page = await browser.newPage();
    watcher = watchPage(page);
    await page.goto(`${server.url}hostile.html`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    // The mix first: its memory figures must not start from the 10 MB cases' high-water mark.
    mixed = await page.evaluate((n) => window.hostile.runMixed(n), CALLS);
    cases = await page.evaluate(() => window.hostile.runCases());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test(`${CALLS.toLocaleString('en')} mixed calls: no failure, memory stops growing after the warm-up`, (t) => {
    assert.equal(mixed.failure, null, mixed.failure);
    const afterWarmup = mixed.memory.find((m) => m.at >= Math.min(CALLS, 50_000));
    const last = mixed.memory.at(-1);
    const peak = Math.max(...mixed.memory.map((m) => m.bytes));
    t.diagnostic(
      `memory: ${mib(mixed.memory[0].bytes)} at the start, ${mib(afterWarmup.bytes)} after ${afterWarmup.at.toLocaleString('en')} calls, ` +
        `${mib(last.bytes)} after ${last.at.toLocaleString('en')} (peak ${mib(peak)}); ${mixed.ms} ms; ${JSON.stringify(mixed.counts)}`,
    );
    assert.equal(last.bytes, afterWarmup.bytes, `memory grew after the warm-up: ${JSON.stringify(mixed.memory)}`);
    assert.ok(peak <= 32 * MiB, `peak ${mib(peak)} over the 32 MiB bound`);
  });

  test('every shared case ran in the page', () => {
    assert.deepEqual(cases.map((c) => c.name), hostileCases().map((c) => c.name));
  });

  for (const { name, todo } of hostileCases()) {
    test(name, todo ? { todo } : {}, () => {
      const r = cases.find((c) => c.name === name);
      assert.ok(r?.pass, r?.why ?? 'not run');
    });
  }

  test('memoryBytes() reads the instance the package uses; the module still works; the page stayed clean', async () => {
    const r = await page.evaluate(() => window.hostile.sameInstance());
    assert.equal(r.body, '{"extid":"1"}');
    assert.ok(r.after > r.before, JSON.stringify(r));
    assert.equal(await page.evaluate(() => window.hostile.stillWorks()), null);
    watcher.assertClean();
  });
});
