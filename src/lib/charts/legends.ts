/**
 * The legends a saved chart carries (chart-frame.ts), in the UI's language: on screen some charts
 * explain themselves in the page around them (a sentence below, an HTML legend, the colours of a
 * table), which a PNG in a slide no longer has. Colours are the theme's variables; ChartExport
 * resolves them.
 */
import { translate, type Locale } from '../i18n/messages';
import type { LegendItem } from './chart-frame';

/** Promoters, passives and detractors, each with its share and count when the counts are given. */
export function categoryLegend(lang: Locale, counts?: { promoters: number; passives: number; detractors: number }): LegendItem[] {
  const n = counts ? counts.promoters + counts.passives + counts.detractors : 0;
  const format = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
  const figures = (count: number) => (counts && n ? ` ${format.format((100 * count) / n)}% (${whole.format(count)})` : '');
  return [
    { label: translate(lang, 'overview.promoters') + figures(counts?.promoters ?? 0), color: 'var(--promoter)', mark: 'swatch' },
    { label: translate(lang, 'overview.passives') + figures(counts?.passives ?? 0), color: 'var(--passive)', mark: 'swatch' },
    { label: translate(lang, 'overview.detractors') + figures(counts?.detractors ?? 0), color: 'var(--detractor)', mark: 'swatch' },
  ];
}

/**
 * The trend chart's marks: the line, its band, and only what this chart shows of the rest —
 * hollow points of thin periods, event markers, the triangles of significant changes.
 */
export function trendLegend(
  lang: Locale,
  shown: { series: ReadonlyArray<{ n: number }>; minN: number; events: number; shifts: ReadonlyArray<{ direction: 'up' | 'down' }>; levels?: boolean; changes?: boolean; trend?: boolean; projection?: boolean; target?: boolean; benchmark?: boolean },
): LegendItem[] {
  const items: LegendItem[] = [
    { label: translate(lang, 'present.legendNps'), color: 'var(--series)', mark: 'line' },
    { label: translate(lang, 'present.legendInterval'), color: 'var(--series)', mark: 'band' },
  ];
  if (shown.series.some((s) => s.n < shown.minN)) items.push({ label: translate(lang, 'present.legendFew', { minN: shown.minN }), color: 'var(--series)', mark: 'hollow' });
  if (shown.events) items.push({ label: translate(lang, 'present.legendEvent'), color: 'var(--event)', mark: 'diamond' });
  if (shown.shifts.some((s) => s.direction === 'up')) items.push({ label: translate(lang, 'present.legendUp'), color: 'var(--promoter)', mark: 'up' });
  if (shown.shifts.some((s) => s.direction === 'down')) items.push({ label: translate(lang, 'present.legendDown'), color: 'var(--detractor)', mark: 'down' });
  // The story's marks and the lines the team drew, as the on-screen key (TrendLegend.svelte) names them.
  if (shown.levels) items.push({ label: translate(lang, 'legend.level'), color: 'var(--level)', mark: 'line' });
  if (shown.changes) items.push({ label: translate(lang, 'legend.change'), color: 'var(--change)', mark: 'line' });
  if (shown.trend) items.push({ label: translate(lang, 'legend.trend'), color: 'var(--trend-mark)', mark: 'dashed' });
  if (shown.projection) items.push({ label: translate(lang, 'legend.projection'), color: 'var(--projection)', mark: 'dashed' });
  if (shown.target) items.push({ label: translate(lang, 'legend.target'), color: 'var(--target)', mark: 'line' });
  if (shown.benchmark) items.push({ label: translate(lang, 'legend.benchmark'), color: 'var(--benchmark)', mark: 'dashed' });
  return items;
}

/** The Sankey's flows by what they mean, coloured as drawn (TransitionSankey.svelte). */
export function sankeyLegend(lang: Locale, laterWave: string): LegendItem[] {
  return [
    { label: translate(lang, 'transitions.improved'), color: 'var(--promoter)', mark: 'swatch' },
    { label: translate(lang, 'transitions.stable'), color: 'var(--flow-stable)', mark: 'swatch' },
    { label: translate(lang, 'transitions.worsened'), color: 'var(--flow-worsened)', mark: 'swatch' },
    { label: translate(lang, 'present.legendUrgent'), color: 'var(--flow-urgent)', mark: 'line' },
    { label: translate(lang, 'transitions.noAnswerIn', { wave: laterWave }), color: 'var(--flow-lost)', mark: 'dashed' },
    { label: translate(lang, 'transitions.newIn', { wave: laterWave }), color: 'var(--flow-new)', mark: 'swatch' },
  ];
}

/** The events a time chart from `from` to `to` (ISO dates, inclusive) draws, in date order. */
export function eventsShown<E extends { date: string }>(events: readonly E[], from: string | undefined, to: string | undefined): E[] {
  if (!from || !to) return [];
  return events.filter((e) => e.date >= from && e.date <= to).sort((a, b) => a.date.localeCompare(b.date));
}
