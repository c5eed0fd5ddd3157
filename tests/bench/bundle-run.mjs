#!/usr/bin/env node
// Runs a TypeScript bench in Node the way the page runs the engine: bundled into one module by
// Vite, as the production build bundles it. Run unbundled (tsx), every module keeps its imports,
// and V8 reads an imported constant in a hot loop through its module cell (a check per read,
// ~2× the cost of the loop in Node); bundled, the constant is the module's own, as in the page.
//
//   node tests/bench/bundle-run.mjs tests/bench/recompute.ts [args…]
import { build } from 'vite';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [entry, ...args] = process.argv.slice(2);
const outDir = join(root, 'bench-out', 'bundled');
mkdirSync(outDir, { recursive: true });
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: { ssr: resolve(entry), outDir, emptyOutDir: false, minify: false, rollupOptions: { output: { entryFileNames: basename(entry).replace(/\.ts$/, '.mjs') } } },
});
const run = spawnSync(process.execPath, [join(outDir, basename(entry).replace(/\.ts$/, '.mjs')), ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
