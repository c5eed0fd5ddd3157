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
    paths: { relative: true },
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
        'worker-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['none']
      }
    }
  }
};

export default config;
