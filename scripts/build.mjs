#!/usr/bin/env node
// The builds other than the plain `vite build`, with their settings passed the same way on every
// platform (no `VAR=value` shell syntax):
//
//   node scripts/build.mjs --base /REPO [--out DIR]   the hosted site under a base path, as GitHub
//                                                     Pages serves a project site
//   node scripts/build.mjs --single                   `npm run build:single`: dist/nps-lines.html
//
// The one-file build is the whole app as one HTML page that opens by double-click from a USB
// stick or an e-mail attachment (file://, no server, no network). Kit inlines every script and
// style itself (`bundleStrategy: 'inline'`, chosen in svelte.config.js by SINGLE_FILE=1) and
// vite.config.ts inlines the workers; what is left here is
// the page's links to files beside it: the icon becomes a data: URL, and the web-app manifest and
// the home-screen icon, which have no meaning for a file, are dropped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const single = args.includes('--single');

const vite = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: single
    ? { ...process.env, SINGLE_FILE: '1', BASE_PATH: '' }
    : { ...process.env, BASE_PATH: option('--base') ?? process.env.BASE_PATH ?? '', BUILD_DIR: option('--out') ?? 'build' },
});
if (vite.status !== 0) process.exit(vite.status ?? 1);
if (!single) process.exit(0);

const out = join(root, '.svelte-kit', 'single');
const target = join(root, 'dist', 'nps-lines.html');

let html = readFileSync(join(out, 'index.html'), 'utf8');
const icon = readFileSync(join(root, 'static', 'favicon.svg'));
const links = /<link\b[^>]*>\s*/g;
html = html.replace(links, (tag) => {
  if (/rel="(?:manifest|apple-touch-icon)"/.test(tag)) return '';
  if (/rel="icon"/.test(tag)) {
    return tag.replace(/href="[^"]*"/, `href="data:image/svg+xml;base64,${icon.toString('base64')}"`);
  }
  return tag;
});
// Nothing may point outside the page: a leftover `_app/` or root-relative URL would be a file
// that does not exist next to the HTML.
const outside = [...html.matchAll(/(?:src|href)="(?!data:|#|blob:)([^"]+)"/g)].map((m) => m[1]);
if (outside.length) {
  console.error(`dist/nps-lines.html still refers to files beside it: ${outside.join(', ')}`);
  process.exit(1);
}
// A worker left as a file (an import the inlining missed) would fail from file:// without a word.
if (/["'`][^"'`]*\/workers\/[^"'`]*\.js["'`]/.test(html)) {
  console.error('dist/nps-lines.html still loads a worker from a file: every worker must be inlined');
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, html);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`wrote dist/nps-lines.html: ${kb(Buffer.byteLength(html))} (${kb(gzipSync(html).length)} gzipped)`);
