import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { wavesOf } from './waves';

describe('wavesOf', () => {
  it('orders waves by their earliest answer, not by name', () => {
    const t = tableFromRows([
      { score: 1, day: 300, wave: 'Wave 10' },
      { score: 1, day: 100, wave: 'Wave 9' },
      { score: 1, day: 90, wave: 'Wave 10' },
      { score: 1, day: 50, wave: '' },
      { score: 1, day: 200, wave: 'Wave 11' },
    ]);
    expect(wavesOf(t)).toEqual(['Wave 10', 'Wave 9', 'Wave 11']);
  });
});
