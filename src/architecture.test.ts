/**
 * The app's shape, checked: numbers come from the engine, views only compose and render. A
 * .svelte file holds no loop over answers, no category rule and no counting of categories; a
 * route stays short enough to read at once (its sections are components named in the product's
 * words).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = __dirname;

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** What computing a statistic looks like in a template or a component's script. */
const STATISTICS: Array<[string, RegExp]> = [
  ['a loop over answers', /for\s*\(\s*let\s+\w+\s*=\s*0\s*;\s*\w+\s*<\s*[\w.]*(length|\.n)\b/],
  ['a category rule on a score', />=\s*(7|9)\b|<=\s*6\b|<\s*7\b|>\s*8\b/],
  ['counting categories', /(promoters|passives|detractors)\s*(\+\+|\+=)/],
  ['summing an array of answers', /\.reduce\(\s*\(\s*\w+\s*,\s*\w+\s*\)\s*=>\s*\w+\s*\+\s*\w+/],
];

describe('views only compose and render', () => {
  const svelte = files(join(root, 'lib'), /\.svelte$/).concat(files(join(root, 'routes'), /\.svelte$/));
  it('has components to check', () => expect(svelte.length).toBeGreaterThan(20));
  for (const file of svelte) {
    it(`${relative(root, file)} computes no statistic`, () => {
      const text = readFileSync(file, 'utf8');
      const found = STATISTICS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
      expect(found).toEqual([]);
    });
  }

  for (const file of files(join(root, 'routes'), /^\+(page|layout)\.svelte$/)) {
    it(`${relative(root, file)} is under 150 lines`, () => {
      expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThanOrEqual(150);
    });
  }
});
