import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewFile } from './preview';
import { importFiles } from './pipeline';
import { mixedTouchpoints } from '../engine/touchpoints';

function load(file: string) {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../tests/fixtures/touchpoints', file)));
  const plan = previewFile(bytes, true).plan;
  return { plan, built: importFiles([{ name: file, bytes }], [plan]) };
}

describe('the touchpoint (survey type) column', () => {
  it('is found by its header (アンケート種別) and kept as a marked segment column', () => {
    const { plan, built } = load('survey-types.csv');
    expect(plan.roles[3]).toBe('touchpoint');
    expect(plan.roles[4]).toBe('segment');
    const column = built.segmentColumns.find((c) => c.name === 'アンケート種別')!;
    expect(column.touchpoint).toBe(true);
    expect(mixedTouchpoints(built.table, built.segmentColumns)!.values.map((v) => [v.value, v.n])).toEqual([
      ['リレーション調査', 12], ['サポート後アンケート', 12], ['導入後アンケート', 12],
    ]);
  });

  it('is found by its values (Relationship / Support ticket) under a header that says nothing', () => {
    const { plan } = load('unnamed-touchpoint.csv');
    expect(plan.roles[2]).toBe('touchpoint');
    expect(plan.roles[3]).toBe('segment');
  });
});
