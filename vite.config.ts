import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const single = process.env.SINGLE_FILE === '1';

/**
 * Where the workers come from, chosen per build (each is imported with a plain `?worker` in one
 * place, src/lib/workers/index.ts or, for the second reader, parallel-read.ts, and for the
 * figures worker, figures.ts):
 * - the one-file build inlines every worker (`?worker&inline`: a blob made from a string in the
 *   page) as a classic worker (Chromium refuses module workers from blob: URLs on file://);
 * - the hosted build makes the page's workers with workers/blob-worker.ts, so that they run under
 *   the page's Content-Security-Policy, and inlines the second reader into the import worker
 *   (a blob made inside that worker inherits the same policy);
 * - the dev server keeps Vite's module workers.
 * Either way a blob-made worker is classic, hence `worker.format: 'iife'` in builds.
 */
function chooseWorkers(): Plugin {
  let build = false;
  return {
    name: 'nps-lines:workers',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    transform(code, id) {
      if (!build || !/\/src\/lib\/workers\/[^/]+\.ts$/.test(id) || !/\?worker['"]/.test(code)) return null;
      if (single || id.endsWith('/parallel-read.ts')) return { code: code.replace(/\?worker(['"])/g, '?worker&inline$1'), map: null };
      let blob = false;
      const out = code.replace(/^import (\w+) from (['"])([^'"]+)\?worker\2;$/gm, (_, name: string, quote: string, path: string) => {
        const made = `import __url_${name} from ${quote}${path}?worker&url${quote};\n${blob ? '' : "import { blobWorker as __blobWorker } from './blob-worker';\n"}const ${name} = function () { return __blobWorker(__url_${name}); } as unknown as { new (): Worker };`;
        blob = true;
        return made;
      });
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [chooseWorkers(), sveltekit()],
  // When this copy was built: the Your data page says which version a person runs.
  define: { __NPS_SINGLE_FILE__: JSON.stringify(single), __NPS_BUILT_AT__: JSON.stringify(new Date().toISOString()) },
  worker: { format: 'iife', plugins: () => [chooseWorkers()] },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node'
  }
});
