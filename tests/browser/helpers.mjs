// Shared helpers of the browser tests: paths, the package check, Chromium, the server, and a
// watcher that fails a test on any page error, console error or failed request.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PKG = path.join(ROOT, 'pkg');
export const WWW = path.join(ROOT, 'www');
export const FIXTURES = path.join(ROOT, 'tests', 'browser', 'fixtures');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Fails early, with the fix, when the package has not been built. */
export function requirePkg() {
  for (const f of ['package.json', 'index.js', 'slim.js']) {
    assert.ok(existsSync(path.join(PKG, f)), `pkg/${f} is missing: build the package first (make pkg)`);
  }
}

/** The built package, loaded in Node (CJS entry, no init): the reference for expected messages. */
export function loadPkg() {
  requirePkg();
  return createRequire(import.meta.url)(PKG);
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Records everything that should never happen on a page: uncaught errors, console errors and
 * warnings, failed requests and HTTP errors. `assertClean()` fails the test with the list.
 */
export function watchPage(page, { allowWarning = () => false } = {}) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const type = m.type();
    if (type === 'error' || (type === 'warning' && !allowWarning(m.text()))) {
      problems.push(`console.${type}: ${m.text()} (${m.location().url || 'no url'})`);
    }
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return {
    problems,
    assertClean() {
      assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
    },
  };
}

/**
 * Runs `node scripts/serve.mjs --port 0` (the command behind `make demo`), reads the URL it
 * prints, and returns { url, stop }.
 */
export async function spawnServeCli(extraArgs = []) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), '--port', '0', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL in 10 s; stderr: ${stderr}`)), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^(http:\/\/127\.0\.0\.1:\d+\/)\s*$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited (${code}) before printing a URL; stderr: ${stderr}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { url, stop, child };
}
