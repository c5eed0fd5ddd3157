import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // One static build that works on GitHub Pages under any path, from file:// and offline:
    // the hash router needs no server-side fallback and no page options.
    adapter: adapter({ fallback: 'index.html', strict: false }),
    router: { type: 'hash' },
    paths: { relative: true }
  }
};

export default config;
