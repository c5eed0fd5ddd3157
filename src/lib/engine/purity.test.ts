import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The engine must run the same in the page, a worker, Vitest and Node: no UI, storage or DOM. */
const FORBIDDEN = /from\s+['"](svelte|svelte\/.*|dexie|papaparse|\$app\/.*|\$lib\/(db|state|components|charts|workers).*|d3-selection|\.\.\/(db|state|components|charts|workers|ingest)\/.*)['"]/;
const DOM_GLOBALS = /\b(document|window|localStorage|indexedDB|navigator)\./;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('src/lib/engine stays pure TypeScript', () => {
  const files = sources(join(__dirname));
  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });
  for (const file of files) {
    it(`${file.split('/engine/')[1]} imports no UI, storage or parser and touches no DOM`, () => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(FORBIDDEN);
      expect(text).not.toMatch(DOM_GLOBALS);
    });
  }
});
