import { describe, expect, it } from 'vitest';
import { categoryLegend, eventsShown, sankeyLegend, trendLegend } from './legends';

describe('the legends saved charts carry', () => {
  it('categoryLegend gives each category its colour, with share and count when counted', () => {
    expect(categoryLegend('en', { promoters: 50, passives: 30, detractors: 20 })).toEqual([
      { label: 'Promoters (9–10) 50.0% (50)', color: 'var(--promoter)', mark: 'swatch' },
      { label: 'Passives (7–8) 30.0% (30)', color: 'var(--passive)', mark: 'swatch' },
      { label: 'Detractors (0–6) 20.0% (20)', color: 'var(--detractor)', mark: 'swatch' },
    ]);
    expect(categoryLegend('ja').map((l) => l.label)).toEqual(['推奨者（9〜10）', '中立者（7〜8）', '批判者（0〜6）']);
  });

  it('trendLegend lists only the marks the chart shows', () => {
    const series = [{ n: 40 }, { n: 12 }];
    expect(trendLegend('en', { series, minN: 30, events: 0, shifts: [] }).map((l) => l.label)).toEqual(['NPS per period', '95% interval', 'fewer than 30 answers']);
    expect(trendLegend('en', { series: [{ n: 40 }], minN: 30, events: 2, shifts: [{ direction: 'down' }] }).map((l) => l.mark)).toEqual(['line', 'band', 'diamond', 'down']);
  });

  it('sankeyLegend names the later wave for customers who did not answer it or are new in it', () => {
    const labels = sankeyLegend('en', '2024-Q3').map((l) => l.label);
    expect(labels).toContain('no answer in 2024-Q3');
    expect(labels).toContain('new in 2024-Q3');
    expect(labels).toContain('Improved');
  });

  it('eventsShown keeps the events within the chart’s dates, in date order', () => {
    const events = [{ date: '2024-10-01', label: 'b' }, { date: '2023-01-01', label: 'old' }, { date: '2024-04-01', label: 'a' }, { date: '2024-12-31', label: 'last day' }];
    expect(eventsShown(events, '2024-01-01', '2024-12-31').map((e) => e.label)).toEqual(['a', 'b', 'last day']);
    expect(eventsShown(events, undefined, undefined)).toEqual([]);
  });
});
