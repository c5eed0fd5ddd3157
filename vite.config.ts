import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const single = process.env.SINGLE_FILE === '1';

/**
 * In the one-file build every worker is inlined (`?worker&inline`: a blob made from a string in
 * the page) and classic (Chromium refuses module workers from blob: URLs on file://). The
 * workers are imported with a plain `?worker` in one place each; this is where the build chooses.
 */
function inlineWorkers(): Plugin {
  return {
    name: 'nps-lines:inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (!single || !/\/src\/lib\/workers\/[^/]+\.ts$/.test(id) || !/\?worker['"]/.test(code)) return null;
      return { code: code.replace(/\?worker(['"])/g, '?worker&inline$1'), map: null };
    }
  };
}

export default defineConfig({
  plugins: [inlineWorkers(), sveltekit()],
  // When this copy was built: the Your data page says which version a person runs.
  define: { __NPS_SINGLE_FILE__: JSON.stringify(single), __NPS_BUILT_AT__: JSON.stringify(new Date().toISOString()) },
  worker: { format: single ? 'iife' : 'es', plugins: () => [inlineWorkers()] },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node'
  }
});
