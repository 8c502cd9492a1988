// The package in a Vite app with no Vite configuration (tests/vite-app/): dev server and
// production build, both checked in headless Chromium. The test installs the package as npm
// would: `npm pack pkg/` (so the `files` list is honoured), unpacked into
// tests/vite-app/node_modules/yeastar-extension-update (git-ignored). A symlink to pkg/ would
// be a linked package outside the app root, which Vite's dev server handles differently
// (it refuses to serve the slim entry's .wasm from outside its `server.fs.allow` list).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build, createServer } from 'vite';
import { startServer } from '../../scripts/serve.mjs';
import { PKG, ROOT, launchChromium, requirePkg, watchPage } from './helpers.mjs';

const APP = path.join(ROOT, 'tests', 'vite-app');
const DIST = path.join(APP, 'dist');
const INSTALLED = path.join(APP, 'node_modules', 'yeastar-extension-update');
const CACHE = path.join(APP, 'node_modules', '.vite');

// What both pages show (validate of a valid input, and the codes of an invalid one).
const EXPECTED = '{"extid":"1002","username":"Amy","hasvoicemail":"on"}';
const EXPECTED_BAD = '["not_digits"]';

/** npm pack pkg/ and unpack the tarball where `npm install` would put it. */
function installPackage() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vite-pack-'));
  try {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp, PKG], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [{ filename }] = JSON.parse(out);
    rmSync(INSTALLED, { recursive: true, force: true });
    mkdirSync(INSTALLED, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(tmp, filename), '-C', INSTALLED, '--strip-components=1']);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Vite settings that keep the test hermetic; none of them is about the package.
const base = {
  root: APP,
  configFile: false,
  logLevel: 'silent',
  clearScreen: false,
  cacheDir: CACHE,
};

let browser;

/** Opens `url` and checks the page's #result; returns the .wasm responses seen. */
async function checkPage(url) {
  const page = await browser.newPage();
  const watcher = watchPage(page);
  const wasm = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push({ status: r.status(), type: r.headers()['content-type'] });
  });
  try {
    await page.goto(url);
    // Wait for the result, but stop at the first page error.
    const failed = new Promise((_, reject) => page.once('pageerror', (e) => reject(new Error(`${url}: ${e.message}`))));
    const done = page.waitForFunction(() => !['loading', ''].includes(document.getElementById('result')?.textContent ?? ''), null, {
      timeout: 15_000,
    });
    await Promise.race([done, failed]);
    assert.equal(await page.locator('#result').textContent(), EXPECTED, url);
    assert.equal(await page.locator('#result').getAttribute('data-bad'), EXPECTED_BAD, url);
    watcher.assertClean();
    return wasm;
  } finally {
    await page.close();
  }
}

/** The default entry embeds its wasm; the slim page fetches exactly one .wasm, as application/wasm. */
async function checkBothPages(origin) {
  assert.deepEqual(await checkPage(`${origin}/`), [], 'the default entry fetches no .wasm');
  const wasm = await checkPage(`${origin}/slim.html`);
  assert.deepEqual(wasm, [{ status: 200, type: 'application/wasm' }], 'the slim entry fetches its .wasm');
}

describe('package in a Vite app without configuration', () => {
  before(async () => {
    requirePkg();
    installPackage();
    rmSync(CACHE, { recursive: true, force: true }); // the dep optimizer would keep an older build
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  test('vite dev server', async () => {
    const server = await createServer({
      ...base,
      server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null },
    });
    try {
      await server.listen();
      const { port } = server.httpServer.address();
      await checkBothPages(`http://127.0.0.1:${port}`);
    } finally {
      await server.close();
    }
  });

  test('vite build, served as static files', async () => {
    rmSync(DIST, { recursive: true, force: true });
    // Two pages need two inputs: app configuration, nothing about the package.
    const input = { main: path.join(APP, 'index.html'), slim: path.join(APP, 'slim.html') };
    await build({ ...base, build: { outDir: DIST, emptyOutDir: true, rollupOptions: { input } } });
    assert.ok(existsSync(path.join(DIST, 'index.html')), 'dist/index.html');
    const assets = readdirSync(path.join(DIST, 'assets'));
    const wasmFiles = assets.filter((f) => f.endsWith('.wasm'));
    assert.equal(wasmFiles.length, 1, `the slim entry's .wasm is emitted once: ${assets.join(', ')}`);
    assert.deepEqual(readFileSync(path.join(DIST, 'assets', wasmFiles[0])), readFileSync(path.join(PKG, 'wasm', 'wasm_bg.wasm')));
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    assert.match(html, /<script type="module"[^>]*src="\/assets\/[^"]+\.js"/);

    const server = await startServer({ port: 0, mounts: [{ prefix: '/', dir: DIST }] });
    try {
      await checkBothPages(server.url.replace(/\/$/, ''));
    } finally {
      await server.close();
    }
  });
});
