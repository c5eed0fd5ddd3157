/**
 * One self-contained HTML file of the view's figures, to e-mail to someone who has no data and
 * no app: the headline with its interval, the line with its changes, segments, transitions,
 * topics and what to fix first — charts as inline SVG, style inline, no script, nothing fetched.
 * Its own Content-Security-Policy (`default-src 'none'`) forbids every request and every script,
 * so even a value that slipped past escaping could not run or call out; every value from the data
 * is escaped anyway. Comments and customer ids are left out unless the person ticked them in.
 *
 * A pure string builder: no DOM, so it is tested in Node, and the page only saves the string.
 */
import { escapeMarkup as x } from './markup';
import { filterWords } from './filter-words';
import { reportWords } from './report-format';
import type { ReportFigures } from './report-figures';
import { fixFirstSection, headlineSection, lineSection, quotesSection, segmentsSection, topicsSection, transitionsSection } from './report-sections';
import type { Locale } from '../i18n/messages';

/** The policy written into every report: no request of any kind, no script; inline style and data: images only. */
export const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Colours of the app's light theme (app.css), for paper and screens alike. */
const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f5f7f9; color: #1b1f24; line-height: 1.5;
  font-family: system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', Meiryo, 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
header, main, footer { max-width: 800px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
header .app { margin: 0; color: #555d66; font-weight: 600; letter-spacing: 0.04em; }
h1 { font-size: 1.7rem; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.2rem; margin: 0 0 0.6rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
section { background: #fff; border: 1px solid #d5dae0; border-radius: 10px; padding: 20px; margin: 18px 0; break-inside: auto; }
figure { margin: 0.8rem 0; break-inside: avoid; }
figcaption { color: #555d66; font-size: 0.85rem; }
svg { max-width: 100%; height: auto; display: block; }
p { margin: 0.4rem 0; }
.muted { color: #555d66; }
.small { font-size: 0.85rem; }
.note { background: #eef4fa; border: 1px solid #b9d3ea; border-radius: 6px; padding: 6px 10px; }
.warn { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 6px; padding: 6px 10px; }
.headline { display: flex; flex-wrap: wrap; gap: 8px 36px; align-items: center; }
.nps { margin: 0; }
.nps span { display: block; color: #555d66; font-weight: 600; }
.nps strong { font-size: 3.2rem; line-height: 1; font-variant-numeric: tabular-nums; }
.facts { list-style: none; padding: 0; margin: 0; }
.legend { list-style: none; padding: 0; margin: 0.3rem 0 0; display: flex; flex-wrap: wrap; gap: 2px 20px; color: #1b1f24; font-size: 0.95rem; }
.legend i { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 0.35rem; vertical-align: -0.05rem; }
/* A wide table scrolls in its own box on a narrow screen; on paper it is set smaller instead. */
.wide { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.88rem; width: 100%; margin: 0.4rem 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #d5dae0; vertical-align: top; }
th { font-weight: 600; word-break: keep-all; }
td:first-child { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
.events { padding-left: 1.4rem; margin: 0.3rem 0; }
.events .date, .changes li { font-variant-numeric: tabular-nums; }
.changes { padding-left: 1.2rem; }
.changes li.down::marker { content: '▼ '; color: #d55e00; }
.changes li.up::marker { content: '▲ '; color: #0072b2; }
.tag { font-size: 0.8rem; border-radius: 4px; padding: 1px 6px; white-space: nowrap; }
.tag.fix-first { background: #b3261e; color: #fff; }
.tag.costly { background: #fbe3d3; color: #8a3a00; }
.tag.frequent { background: #fff4e5; color: #8a5300; }
.tag.watch { background: #eceff2; }
.tag.quick { background: #1f4e79; color: #fff; }
.diverging { display: flex; width: 180px; height: 12px; align-items: center; }
.diverging .bar { display: block; height: 10px; }
.diverging .bar.neg { margin-left: auto; background: #d55e00; }
.diverging .bar.pos { margin-right: auto; background: #0072b2; }
.diverging .axis-mid { width: 1px; height: 14px; background: #8a939c; }
.quotes { list-style: none; padding: 0; }
blockquote { margin: 0.6rem 0 0; padding-left: 10px; border-left: 3px solid #b8c0c8; }
footer { color: #555d66; font-size: 0.85rem; padding-bottom: 32px; }
svg text { font-size: 11px; fill: #555d66; }
svg .on-bar { fill: #fff; font-weight: 600; font-size: 12px; }
svg .label { fill: #1b1f24; font-size: 11px; }
svg .wave { fill: #1b1f24; font-weight: 700; font-size: 12px; }
svg .event-number { fill: #5b3a70; font-weight: 700; }
.promoter, i.promoter { fill: #0072b2; background: #0072b2; }
.passive, i.passive { fill: #8a8a8a; background: #8a8a8a; }
.detractor, i.detractor { fill: #d55e00; background: #d55e00; }
.none { fill: #d0d4d9; }
.grid { stroke: #d5dae0; }
.zero { stroke: #8a939c; stroke-width: 1.2; }
.band { fill: #1f4e79; opacity: 0.15; }
.line { fill: none; stroke: #1f4e79; stroke-width: 2.2; }
.point { fill: #1f4e79; stroke: #fff; stroke-width: 1.5; }
.point.few { fill: #fff; stroke: #1f4e79; stroke-width: 2; }
svg .few-text { fill: #8a5300; font-weight: 600; }
.event-line { stroke: #7a5195; stroke-dasharray: 4 3; }
.event { fill: #7a5195; }
.shift-down { fill: #d55e00; }
.shift-up { fill: #0072b2; }
.flow { fill: none; stroke-opacity: 0.45; }
.flow.improved { stroke: #0072b2; }
.flow.stable { stroke: #9e9e9e; }
.flow.worsened { stroke: #b97800; }
.flow.urgent { stroke: #c0392b; stroke-opacity: 0.75; }
.flow.lost { stroke: #7f7f7f; stroke-dasharray: 6 4; stroke-opacity: 0.35; }
.flow.new { stroke: #56b4e9; stroke-opacity: 0.35; }
.boundary { fill: none; stroke: #d55e00; stroke-dasharray: 5 4; stroke-width: 1.5; }
.q-fix-first { fill: #d55e00; }
.q-costly { fill: #8a3a00; }
.q-frequent { fill: #8a5300; }
.q-watch { fill: #555d66; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  section { border: 0; padding: 0; margin: 0 0 6mm; }
  h2, h3 { break-after: avoid; }
  .wide { overflow: visible; }
  table { font-size: 7.5pt; }
  th, td { padding: 2px 4px; }
  .num { white-space: normal; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export interface HtmlReportOptions {
  lang: Locale;
  /** When the report was made (shown in it), ISO date and time. */
  madeAt: string;
}

export function htmlReport(figures: ReportFigures, options: HtmlReportOptions): string {
  const w = reportWords(options.lang);
  const kept = figures.kept === null ? w.t('present.answers', { count: w.number(figures.total) }) : w.t('filter.kept', { kept: w.number(figures.kept), total: w.number(figures.total) });
  const included = [figures.choices.comments ? w.t('htmlReport.withComments') : w.t('htmlReport.withoutComments'), figures.choices.customerIds ? w.t('htmlReport.withIds') : w.t('htmlReport.withoutIds')];
  const sections = [headlineSection, lineSection, segmentsSection, transitionsSection, topicsSection, fixFirstSection, quotesSection].map((make) => make(figures, w)).filter(Boolean);
  return `<!doctype html>
<html lang="${x(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${x(REPORT_POLICY)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="NPS Lines">
<title>${x(`${figures.name} · ${w.t('htmlReport.title')}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="app">${x(`NPS Lines · ${w.t('htmlReport.title')}`)}</p>
<h1>${x(figures.name)}</h1>
<p data-figure="filter">${x(`${filterWords(figures.query, options.lang)} · ${kept}`)}</p>
<p class="muted small">${x(w.t('htmlReport.files', { files: figures.files.join(w.t('list.separator')), count: figures.files.length }))}</p>
<p class="muted small">${x(`${w.t('htmlReport.madeAt', { date: options.madeAt })} · ${included.join(' · ')}`)}</p>
</header>
<main>
${sections.join('\n')}
<section id="method"><h2>${x(w.t('htmlReport.method'))}</h2><p class="small">${x(w.t('htmlReport.methodText'))}</p></section>
</main>
<footer><p>${x(w.t('htmlReport.footer'))}</p></footer>
</body>
</html>
`;
}
