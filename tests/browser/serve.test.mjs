// scripts/serve.mjs on its own (no browser): MIME types, mounts, 404s and path traversal.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { spawnServeCli } from './helpers.mjs';

let tmp;
let srv;

/** A raw GET (fetch would normalise `..` away before sending). */
function get(rawPath, method = 'GET') {
  const { hostname, port } = new URL(srv.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('scripts/serve.mjs', () => {
  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
    const www = path.join(tmp, 'www');
    const pkg = path.join(tmp, 'pkg');
    mkdirSync(path.join(www, 'sub'), { recursive: true });
    mkdirSync(path.join(pkg, 'wasm'), { recursive: true });
    writeFileSync(path.join(www, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(path.join(www, 'app.js'), 'export {};');
    writeFileSync(path.join(www, 'style.css'), 'body{}');
    writeFileSync(path.join(www, 'sub', 'index.html'), 'sub');
    writeFileSync(path.join(pkg, 'index.js'), 'export const x = 1;');
    writeFileSync(path.join(pkg, 'api.mjs'), 'export {};');
    writeFileSync(path.join(pkg, 'index.d.ts'), 'export {};');
    writeFileSync(path.join(pkg, 'package.json'), '{}');
    writeFileSync(path.join(pkg, 'wasm', 'x.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    writeFileSync(path.join(tmp, 'secret.txt'), 'do not serve');
    symlinkSync(path.join(tmp, 'secret.txt'), path.join(www, 'link.txt'));
    srv = await startServer({
      port: 0,
      mounts: [
        { prefix: '/pkg/', dir: pkg },
        { prefix: '/', dir: www },
      ],
    });
  });
  after(async () => {
    await srv?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 with the port it was given (0 = any free port)', () => {
    assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(srv.port > 0);
  });

  test('serves files with their MIME types', async () => {
    const cases = [
      ['/', 200, 'text/html; charset=utf-8'],
      ['/index.html', 200, 'text/html; charset=utf-8'],
      ['/app.js', 200, 'text/javascript; charset=utf-8'],
      ['/style.css', 200, 'text/css; charset=utf-8'],
      ['/pkg/index.js', 200, 'text/javascript; charset=utf-8'],
      ['/pkg/api.mjs', 200, 'text/javascript; charset=utf-8'],
      ['/pkg/package.json', 200, 'application/json; charset=utf-8'],
      ['/pkg/wasm/x.wasm', 200, 'application/wasm'],
      ['/app.js?v=1', 200, 'text/javascript; charset=utf-8'],
      ['/sub/', 200, 'text/html; charset=utf-8'],
    ];
    for (const [p, status, type] of cases) {
      const r = await get(p);
      assert.equal(r.status, status, p);
      assert.equal(r.type, type, p);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
    }
    assert.equal((await get('/pkg/wasm/x.wasm')).headers['content-length'], '8');
    const head = await get('/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  test('404 for missing files, no listings, no traversal, no escaping symlinks', async () => {
    for (const p of [
      '/missing.js',
      '/pkg/',
      '/pkg/missing.js',
      '/../secret.txt',
      '/pkg/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/pkg/%2e%2e/%2e%2e/secret.txt',
      '/pkg/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/app.js%00.html',
      '/%E0%A4%A',
      '/link.txt',
    ]) {
      const r = await get(p);
      assert.ok(r.status === 404 || r.status === 400, `${p} → ${r.status}`);
      assert.ok(!r.body.includes('do not serve'), p);
    }
    const dir = await get('/sub');
    assert.equal(dir.status, 301);
    assert.equal(dir.headers.location, '/sub/');
    assert.equal((await get('/app.js', 'POST')).status, 405);
  });

  test('the CLI prints its URL and stops on SIGTERM', async () => {
    const cli = await spawnServeCli();
    try {
      const r = await fetch(cli.url);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
      const js = await fetch(new URL('app.js', cli.url));
      assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    } finally {
      assert.equal(await cli.stop(), 0);
    }
  });
});
