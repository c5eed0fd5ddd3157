import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerBuilder } from './build';
import { decodeText } from './encoding';
import { canScanBytes } from './pipeline';
import { previewFile } from './preview';

/** Every CSV we have: the project's own and the acceptance fixtures (tests/fixtures/acceptance). */
function exports(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return exports(path);
    return /\.(csv|txt|tsv)$/i.test(name) ? [path] : [];
  });
}

const files = exports(join(__dirname, '../../../tests/fixtures'));

describe('the byte scanner path builds exactly what the PapaParse path builds', () => {
  it('has fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(15);
  });
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    if (bytes.length === 0) continue;
    let plan;
    try { plan = previewFile(bytes, true).plan; } catch { continue; }
    if (!plan.roles.includes('score') || !canScanBytes(plan)) continue;
    it(path.split('/fixtures/')[1], () => {
      const viaText = new AnswerBuilder();
      viaText.addFile(0, plan, decodeText(bytes, plan.encoding));
      const viaBytes = new AnswerBuilder();
      viaBytes.addFileBytes(0, plan, bytes);
      expect(viaBytes.finish()).toEqual(viaText.finish());
    });
  }
});
