/**
 * The default dictionary on the acceptance fixtures, through the real import pipeline, judged
 * exactly as the acceptance run judges the report's topics: mentions within ±20% (or ±3) of the
 * expected count, and the same lean (sign of positive − negative) wherever the expected lean is
 * clear (|positive − negative| ≥ 30% of mentions). Topics with fewer than 8 expected mentions
 * are too small to judge.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../ingest/pipeline';
import { previewFile } from '../../ingest/preview';
import { DEFAULT_TOPICS } from './dictionary';
import { tagComments } from './tag';
import { compileTopics } from './topics';

// The team's acceptance cases, copied into the repository (tests/fixtures/acceptance/README.md).
const FIXTURES = join(__dirname, '../../../../tests/fixtures/acceptance');

interface Expected {
  mentions: number;
  positive: number;
  negative: number;
}

const cases = readdirSync(FIXTURES).flatMap((name) => {
  const dir = join(FIXTURES, name);
  const expectedPath = join(dir, 'expected.json');
  if (!existsSync(expectedPath)) return [];
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { topics?: Record<string, Expected> };
  if (!expected.topics) return [];
  const files = readdirSync(dir).filter((f) => /\.(csv|tsv|txt)$/i.test(f));
  return [{ name, dir, files, topics: expected.topics }];
});

const compiled = compileTopics(DEFAULT_TOPICS);

describe('default topics on the acceptance fixtures', () => {
  // The fixtures are part of the repository: finding none is a broken checkout, not a reason to skip.
  it('finds the acceptance cases that have expected topics', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const c of cases) {
    describe(c.name, () => {
      const sources = c.files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(c.dir, name))) }));
      const plans = sources.map((s) => previewFile(s.bytes, true).plan);
      const { table } = importFiles(sources, plans);
      const tags = tagComments(table, compiled);

      for (const [id, want] of Object.entries(c.topics)) {
        if (want.mentions < 8) continue;
        it(`${id}: mentions within ±20% (or ±3) of ${want.mentions}, and the same lean when it is clear`, () => {
          const got = tags.totals.find((t) => t.id === id)!;
          expect(Math.abs(got.mentions - want.mentions)).toBeLessThanOrEqual(Math.max(3, 0.2 * want.mentions));
          if (Math.abs(want.positive - want.negative) >= 0.3 * want.mentions) {
            expect(Math.sign(got.positive - got.negative)).toBe(Math.sign(want.positive - want.negative));
          }
        });
      }
    });
  }
});
