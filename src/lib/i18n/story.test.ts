/**
 * The overview's paragraph says what the engine found, in both languages, and no more: the
 * figures below are the hand-computed ones of engine/overview-story.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tableFromRows, type AnswerRow } from '../engine/answers';
import { dayFromCivil } from '../engine/days';
import { overviewStory, type OverviewStory, type StoryChange } from '../engine/overview-story';
import { pIn, signedIn, storyParagraph } from './story';

function answers(counts: [number, number, number], days: readonly number[]): AnswerRow[] {
  const scores = [...Array(counts[0]).fill(10), ...Array(counts[1]).fill(8), ...Array(counts[2]).fill(3)];
  return scores.map((score, k) => ({ score, day: days[k % days.length] }));
}
const quarterDays = (year: number, q: number) => [1, 2, 3].flatMap((m) => Array.from({ length: 28 }, (_, d) => dayFromCivil(year, 3 * (q - 1) + m, d + 1)));

describe('numbers as the screen writes them', () => {
  it('signs with a true minus, none for zero; p to three decimals', () => {
    expect([signedIn('en', 26.94), signedIn('en', -3.84), signedIn('en', -0.04), signedIn('ja', 1234.5)]).toEqual(['+26.9', '−3.8', '0.0', '+1,234.5']);
    expect([pIn('en', 0.6388), pIn('en', 0.0004)]).toEqual(['p = 0.639', 'p < 0.001']);
  });
});

describe('storyParagraph', () => {
  it('a change beyond chance: its interval and p (2024-Q1 40/30/30 → 2024-Q2 55/25/20); two periods are too few for change points', () => {
    const story = overviewStory(tableFromRows([...answers([40, 30, 30], quarterDays(2024, 1)), ...answers([55, 25, 20], quarterDays(2024, 2))]))!;
    expect(storyParagraph('en', story)).toBe('NPS is +35.0 in 2024-Q2 (95%: +18.7 to +49.3), 25.0 points above 2024-Q1 (95%: +2.2 to +46.4; p = 0.032) — more than chance explains.');
    expect(storyParagraph('ja', story)).toBe('2024-Q2 の NPS は +35.0（95%: +18.7 〜 +49.3）で、2024-Q1 より 25.0 ポイント高くなりました（95%: +2.2 〜 +46.4、p = 0.032）。偶然では説明しにくい変化です。');
  });

  it('no change between the last two months, and the level the line has been at since the event around its change', () => {
    // Example A of change-points.test.ts, January 2024 – June 2025: 2025-06 is 53/61/36 (NPS
    // 11.33, adjusted Wald [−0.95, 23.17]), 2025-05 51/65/34 (11.33): p = 1, 80% power 24.36
    // points; the level after 2024-12 is 14.22.
    const rows = [
      [65, 51, 34], [69, 63, 18], [73, 55, 22], [63, 63, 24], [62, 56, 32], [72, 57, 21],
      [64, 66, 20], [64, 65, 21], [72, 57, 21], [63, 66, 21], [72, 57, 21], [78, 58, 14],
      [59, 57, 34], [56, 56, 38], [60, 56, 34], [58, 59, 33], [51, 65, 34], [53, 61, 36],
    ] as Array<[number, number, number]>;
    const table = tableFromRows(rows.flatMap((c, m) => answers(c, [dayFromCivil(2024 + Math.floor(m / 12), (m % 12) + 1, 15)])));
    const story = overviewStory(table, { events: [{ date: '2025-01-10', label: 'Price increase', kind: 'pricing' }] })!;
    expect(storyParagraph('en', story)).toBe('NPS is +11.3 in 2025-06 (95%: −0.9 to +23.2), the same as in 2025-05 (p = 1.000; a change of 24 points would have shown). It has fallen to +14.2 since “Price increase” (2025-01).');
    expect(storyParagraph('ja', story)).toBe('2025-06 の NPS は +11.3（95%: −0.9 〜 +23.2）で、2025-05 と同じです（p = 1.000。24 ポイントの変化なら検出できました）。「Price increase」（2025-01）以降は +14.2 へ下がっています。');
  });

  // The wording of the remaining cases, on a story written out by hand.
  const period = (p: string, nps: number) => ({ period: p, from: null, to: null, n: 200, promoters: 0, passives: 0, detractors: 0, nps, ci95: [nps - 10, nps + 10] as [number, number], designEffect: 1 });
  const change = (after: number, from: number, to: number, event: string | null): StoryChange => ({
    after, direction: to > from ? 'up' : 'down', from, to, g2: 20, df: 2, p: 0.001, before: `P${after}`, period: `P${after + 1}`,
    event: event ? { date: '2024-04-01', label: event, kind: 'other' } : null, others: [],
  });
  const base = (changes: StoryChange[], steady = false): OverviewStory => ({
    cadence: 'wave',
    series: Array.from({ length: 12 }, (_, k) => period(`P${k}`, 10)),
    latest: 11,
    inProgress: null,
    change: { previous: period('P10', 6), difference: 4, ci95: [-4, 12], p: 0.32, mdd: 11.6, significant: false },
    story: { levels: [], changes: [], trend: steady ? { direction: 'up', p: 0.002, slope: 1.26, periods: 12 } : null, steady },
    changes,
  });

  it('chance: says what could have been seen; four changes tell the last three, events or periods', () => {
    const story = base([change(1, 0, 5, null), change(3, 5, -8, 'Outage'), change(6, -8, 2, null), change(8, 2, 10, 'Support')]);
    expect(storyParagraph('en', story)).toBe('NPS is +10.0 in P11 (95%: 0.0 to +20.0), 4.0 points above P10 — within what chance explains (p = 0.320; a change of 12 points would have shown). It fell from +5.0 to −8.0 after “Outage” (2024-04), rose from −8.0 to +2.0 in P7, and has risen to +10.0 since “Support” (2024-04). One earlier change is listed on the trend view.');
    expect(storyParagraph('ja', story)).toBe('P11 の NPS は +10.0（95%: 0.0 〜 +20.0）で、P10 より 4.0 ポイント高くなりました。偶然で説明できる範囲です（p = 0.320。12 ポイントの変化なら検出できました）。「Outage」（2024-04）の後に +5.0 から −8.0 へ下がり、P7 に −8.0 から +2.0 へ上がり、「Support」（2024-04）以降は +10.0 へ上がっています。それ以前の変化 1 件は推移の画面に一覧があります。');
  });

  it('a steady rise is told as a trend; no change at all as no change', () => {
    expect(storyParagraph('en', base([], true))).toContain('It has risen steadily since P0, by about 1.3 points a wave (Mann–Kendall p = 0.002).');
    expect(storyParagraph('ja', base([], true))).toContain('P0 以降、着実に上昇しています（1 調査回あたり約 1.3 ポイント、Mann–Kendall p = 0.002）。');
    expect(storyParagraph('en', base([]))).toContain('The change-point test finds no lasting change in the line since P0.');
  });
});
