import { describe, expect, it } from 'vitest';
import { previewFile } from './preview';

const plan = (text: string) => previewFile(new TextEncoder().encode(text), true).plan;
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

describe('a satisfaction (CSAT) column', () => {
  it('is found by its header on a 1–5, 1–7 or 0–10 scale, and is never the score', () => {
    expect(plan(`customer,NPS score,CSAT score\n${rows(20, (i) => `C${i},${i % 11},${1 + (i % 5)}`)}`).roles).toEqual(['account', 'score', 'csat']);
    expect(plan(`顧客,推奨度,満足度\n${rows(20, (i) => `C${i},${i % 11},${1 + (i % 7)}`)}`).roles).toEqual(['account', 'score', 'csat']);
    expect(plan(`account,satisfaction,likelihood to recommend\n${rows(20, (i) => `C${i},${i % 11},${(i * 3) % 11}`)}`).roles).toEqual(['account', 'csat', 'score']);
  });

  it('stays the score when its header names the recommendation', () => {
    expect(plan(`account,How satisfied are you and would you recommend us?\n${rows(20, (i) => `C${i},${i % 11}`)}`).roles).toEqual(['account', 'score']);
  });

  it('is not taken for a comment about satisfaction', () => {
    expect(plan(`account,score,満足している点\n${rows(20, (i) => `C${i},${i % 11},サポートが丁寧で助かっています ${i}`)}`).roles).toEqual(['account', 'score', 'comment']);
  });
});
