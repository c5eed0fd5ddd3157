import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Two builds from one source:
// - the hosted site (`npm run build`): `build/`, under `BASE_PATH` when it is set — GitHub Pages
//   serves a project site at `/REPO/`, and the fallback page adapter-static writes loads its
//   scripts by root-absolute URLs, so the base must be known at build time;
// - the one-file app (`npm run build:single`, `SINGLE_FILE=1`): every script and style inlined
//   into one HTML page that opens from file:// (scripts/build.mjs copies it to dist/).
const single = process.env.SINGLE_FILE === '1';
const base = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The hash router needs no server-side fallback and no page options: deep links work on
    // GitHub Pages, from file:// and offline.
    adapter: single
      ? adapter({ pages: '.svelte-kit/single', assets: '.svelte-kit/single', fallback: 'index.html', strict: false })
      : adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: 'index.html', strict: false }),
    router: { type: 'hash' },
    paths: { relative: true, base: single ? '' : base },
    output: single ? { bundleStrategy: 'inline' } : {},
    // The hosted build registers its service worker itself (state/app-update.svelte.ts), so the
    // page can offer an update instead of reloading under the user's feet.
    serviceWorker: { register: false },
    // Nothing may load from or send to another origin: no CDN, font, analytics or error reporter.
    // Kit hashes its own inline bootstrap script into script-src.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        // Workers are made from blob: URLs, so that they inherit this policy (workers/blob-worker.ts).
        'worker-src': ['self', 'blob:'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['none']
      }
    }
  }
};

export default config;
