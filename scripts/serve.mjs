#!/usr/bin/env node
// A tiny dependency-free static server for the demo and the browser tests.
//
//   node scripts/serve.mjs [--port N] [--host H]     (PORT env also works; default 8080)
//
// Serves www/ at `/` and pkg/ at `/pkg/`, prints the URL on stdout (one line), and stops on
// SIGINT/SIGTERM. Port 0 picks a free port. Only GET and HEAD; no directory listings; paths that
// leave a mounted folder (`..`, encoded slashes, NUL, symlinks pointing outside) are refused.
//
// The tests import `startServer({ mounts })` to serve other folders (fixtures, a Vite build).
import { createServer } from 'node:http';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // .d.ts files: shown as text, never executed
};

/** Default mounts: the demo at `/`, the built npm package at `/pkg/`. */
export function defaultMounts() {
  return [
    { prefix: '/pkg/', dir: path.join(ROOT, 'pkg') },
    { prefix: '/', dir: path.join(ROOT, 'www') },
  ];
}

async function realDir(dir) {
  try {
    return await fsp.realpath(dir);
  } catch {
    return path.resolve(dir); // missing folder: every request under it is a 404
  }
}

function isInside(child, parent) {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Maps a URL path to a file, or returns null (404). `mounts` are tried longest prefix first.
 * Exported for the server's own tests.
 */
export async function resolveFile(urlPath, mounts) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed %-escape
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  // An encoded slash (%2F) would have become a separator after decoding: refuse it too.
  if (/%2f|%5c/i.test(urlPath)) return null;

  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const { prefix, dir, realRoot } of sorted) {
    const bare = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
    if (decoded !== bare && !decoded.startsWith(prefix)) continue;
    const rest = decoded === bare ? '' : decoded.slice(prefix.length);
    let file = path.join(dir, ...rest.split('/').filter(Boolean));
    let st;
    try {
      st = await fsp.stat(file);
    } catch {
      return null;
    }
    if (st.isDirectory()) {
      if (!decoded.endsWith('/')) return { redirect: `${urlPath}/` };
      file = path.join(file, 'index.html');
      try {
        st = await fsp.stat(file);
      } catch {
        return null;
      }
    }
    if (!st.isFile()) return null;
    // Follow symlinks, then check the real file is still inside the mounted folder.
    const real = await fsp.realpath(file);
    if (!isInside(real, realRoot ?? (await realDir(dir)))) return null;
    return { file: real, size: st.size };
  }
  return null;
}

/**
 * Starts the server. Resolves to `{ server, url, port, close() }`.
 * @param {{ port?: number, host?: string, mounts?: {prefix: string, dir: string}[], headers?: object }} opts
 */
export async function startServer({ port = 8080, host = '127.0.0.1', mounts = defaultMounts(), headers = {} } = {}) {
  const ready = await Promise.all(
    mounts.map(async (m) => ({ ...m, dir: path.resolve(m.dir), realRoot: await realDir(m.dir) })),
  );
  const server = createServer(async (req, res) => {
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const urlPath = (req.url || '/').split('?')[0].split('#')[0];
      if (!urlPath.startsWith('/')) {
        send(400, 'Bad Request\n');
        return;
      }
      const hit = await resolveFile(urlPath, ready);
      if (!hit) {
        send(404, 'Not Found\n');
        return;
      }
      if (hit.redirect) {
        send(301, 'Moved\n', { Location: hit.redirect });
        return;
      }
      const type = MIME[path.extname(hit.file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': hit.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(hit.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) send(500, 'Internal Server Error\n');
      else res.destroy();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${actual}/`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { server, url, port: actual, close };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port' || flag === '-p') out.port = value();
    else if (flag === '--host') out.host = value();
    else if (flag === '--help' || flag === '-h') out.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(2);
  }
  if (args.help) {
    console.log('usage: node scripts/serve.mjs [--port N] [--host 127.0.0.1]   (PORT env also works; 0 = any free port)');
    return;
  }
  const rawPort = args.port ?? process.env.PORT ?? '8080';
  const port = Number(rawPort);
  if (!/^\d+$/.test(String(rawPort)) || port > 65535) {
    console.error(`serve.mjs: bad port: ${rawPort}`);
    process.exit(2);
  }
  const mounts = defaultMounts();
  const pkgDir = mounts.find((m) => m.prefix === '/pkg/').dir;
  try {
    await fsp.access(path.join(pkgDir, 'index.js'));
  } catch {
    console.error('serve.mjs: warning: pkg/index.js is missing; run `make pkg` first (the page needs it).');
  }
  let srv;
  try {
    srv = await startServer({ port, host: args.host ?? '127.0.0.1', mounts });
  } catch (e) {
    console.error(`serve.mjs: cannot listen: ${e.message}`);
    process.exit(1);
  }
  console.log(srv.url);
  console.error(`serve.mjs: www/ at ${srv.url} and pkg/ at ${srv.url}pkg/ (Ctrl-C to stop)`);
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
}
