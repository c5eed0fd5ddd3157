#!/usr/bin/env node
// Serves a build on 127.0.0.1 for the end-to-end tests and `npm run preview` (`vite preview`
// answers 404 for deep links and for the fallback page).
//
//   node tests/serve-build.mjs [dir=build] [port=4173] [base=/]
//
// With a base other than `/` it serves the way GitHub Pages serves a project site
// (https://USER.github.io/REPO/): only paths under the base exist, `/REPO` redirects to `/REPO/`,
// and a missing file is a 404 — so a build that loads anything from outside its base fails here
// as it would there. At `/` a missing path falls back to the app's page.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? process.argv[3] ?? 4173);
const base = process.argv[4] ?? '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};

createServer((req, res) => {
  let path;
  try { path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  if (base !== '/') {
    if (path + '/' === base) { res.writeHead(301, { location: base }).end(); return; }
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    path = path.slice(base.length - 1);
  }
  let file = join(root, path);
  if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    if (base !== '/') { res.writeHead(404).end('not found'); return; }
    file = join(root, 'index.html');
  }
  // As static hosts do: the service worker script is always checked against the server; other
  // files may be kept a while (MAX_AGE seconds; GitHub Pages says 600).
  const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
  if (file.endsWith('service-worker.js')) headers['cache-control'] = 'no-cache';
  else if (process.env.MAX_AGE) headers['cache-control'] = `max-age=${process.env.MAX_AGE}`;
  res.writeHead(200, headers);
  res.end(readFileSync(file));
}).listen(port, '127.0.0.1', () => console.log(`NPS Lines: http://127.0.0.1:${port}${base}`));
