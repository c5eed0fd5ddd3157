/**
 * The sections of the HTML report, each a string of markup from the figures (report-figures.ts):
 * the headline, the line and its changes, segments, transitions, topics, what to fix first, and —
 * only when asked for — what customers wrote. Every value from the data goes through `x`.
 */
import { escapeMarkup as x } from './markup';
import { categoryBarSvg, histogramSvg, impactSvg, sankeySvg, trendSvg } from './report-charts';
import type { ReportFigures } from './report-figures';
import type { TrendView } from '../engine/trend';
import type { ReportWords } from './report-format';
import { NOTABLE_DESIGN_EFFECT } from '../engine/clustered';
import type { FlowEnd } from '../charts/geometry/sankey';
import { CATEGORIES } from '../engine/nps';

/** A table cell: text (escaped here) or markup made by this file. */
type Cell = string | number | { html: string };
const cell = (c: Cell) => (typeof c === 'object' ? c.html : x(c));

function table(head: Cell[], rows: Cell[][], numeric: number[] = []): string {
  const td = (c: Cell, k: number, tag: 'th' | 'td') => `<${tag}${numeric.includes(k) ? ' class="num"' : ''}>${cell(c)}</${tag}>`;
  return `<div class="wide"><table><thead><tr>${head.map((c, k) => td(c, k, 'th')).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, k) => td(c, k, 'td')).join('')}</tr>`).join('')}</tbody></table></div>`;
}
const section = (id: string, title: string, body: string[]) => `<section id="${id}"><h2>${x(title)}</h2>${body.join('\n')}</section>`;
const para = (text: string, className = '') => `<p${className ? ` class="${className}"` : ''}>${x(text)}</p>`;

export function headlineSection(f: ReportFigures, w: ReportWords): string {
  const o = f.overview.overall;
  const clustered = f.overview.clustered && f.overview.clustered.designEffect >= NOTABLE_DESIGN_EFFECT ? f.overview.clustered : null;
  const shares = [
    ['promoter', o.promoters, 'overview.promoters'],
    ['passive', o.passives, 'overview.passives'],
    ['detractor', o.detractors, 'overview.detractors'],
  ] as const;
  const facts = [
    o.ci95 ? w.t('overview.interval', { low: w.signed(o.ci95[0]), high: w.signed(o.ci95[1]) }) : '',
    `${w.number(o.n)} ${w.t('overview.responses', { count: o.n })}`,
    f.overview.customers !== null ? `${w.number(f.overview.customers)} ${w.t('overview.customers', { count: f.overview.customers })}` : '',
    f.overview.from && f.overview.to ? w.t('overview.period', { from: f.overview.from, to: f.overview.to }) : '',
  ].filter(Boolean);
  return section('headline', w.t('htmlReport.headline'), [
    `<div class="headline"><p class="nps"><span>${x(w.t('overview.nps'))}</span> <strong data-figure="nps">${x(w.signed(o.nps))}</strong></p><ul class="facts">${facts.map((s) => `<li>${x(s)}</li>`).join('')}</ul></div>`,
    o.n > 0 && o.n < 30 ? para(w.t('overview.smallSample'), 'warn') : '',
    clustered?.ci95 ? para(w.t('overview.designEffect', { answers: w.number(clustered.n), customers: w.number(clustered.customers), effective: w.number(clustered.n / clustered.designEffect), low: w.signed(clustered.ci95[0]), high: w.signed(clustered.ci95[1]) }), 'note') : '',
    `<figure>${categoryBarSvg(o, w.t('overview.categories'), (s) => w.percent(s))}<figcaption><ul class="legend">${shares.map(([c, count, key]) => `<li><i class="${c}"></i>${x(w.t(key))} <strong>${x(w.percent(o.n ? count / o.n : 0))}</strong> (${x(w.number(count))})</li>`).join('')}</ul></figcaption></figure>`,
    `<figure>${histogramSvg(f.overview.distribution, w.t('overview.distribution'), (n) => w.number(n))}<figcaption>${x(w.t('overview.distribution'))}</figcaption></figure>`,
    para(w.t('overview.whatIs'), 'muted'),
  ]);
}

export function lineSection(f: ReportFigures, w: ReportWords): string {
  const trend = f.trend;
  if (!trend || trend.series.length === 0) return '';
  const minN = f.query.minN;
  // The chart marks steps between neighbouring periods; the changes of level are listed below it.
  const steps = trend.shifts.filter((s) => s.kind === 'step');
  const chart = trendSvg({ series: trend.series, minN, events: f.events, shifts: steps, label: w.t('trend.title'), signed: (v) => w.signed(v) });
  const changes = trend.story.changes;
  return section('line', w.t('htmlReport.line', { period: w.t(`period.${f.period}`) }), [
    `<figure>${chart}<figcaption>${x(w.t('htmlReport.lineLegend', { minN }))}</figcaption></figure>`,
    f.events.length ? `<h3>${x(w.t('htmlReport.events'))}</h3><ol class="events">${f.events.map((e) => `<li><span class="date">${x(e.date)}</span> ${x(e.label)}</li>`).join('')}</ol>` : '',
    `<h3>${x(w.t('story.changes'))}</h3>`,
    changes.length ? `<ul class="changes">${changes.map((c) => `<li class="${c.direction}">${x(changeSentence(c, w))}</li>`).join('')}</ul>` : para(w.t('story.noChanges')),
    para(w.t('story.changesHelp'), 'muted small'),
    `<h3>${x(w.t('htmlReport.periodTable'))}</h3>${table(
      [w.t('table.period'), 'n', w.t('table.nps'), w.t('table.interval')],
      trend.series.map((s) => [s.period + (s.n < minN ? ` (${w.t('trend.few')})` : ''), w.number(s.n), w.signed(s.nps), w.interval(s.ci95)]),
      [1, 2],
    )}`,
  ]);
}

/** A change of level as one line: where it may have begun, the levels, its test and the nearest event. */
function changeSentence(c: TrendView['story']['changes'][number], w: ReportWords): string {
  const [first, last] = c.window;
  const params = { window: first === last ? first : `${first} – ${last}`, from: w.signed(c.from), to: w.signed(c.to), g2: w.number(c.g2, 1), p: c.p < 0.001 ? w.p(c.p) : `= ${w.p(c.p)}` };
  const change = w.t(c.direction === 'down' ? 'htmlReport.changeDown' : 'htmlReport.changeUp', params);
  return c.nearestEvent ? `${change} ${w.t('htmlReport.changeEvent', { event: c.nearestEvent.label, date: c.nearestEvent.date })}` : change;
}

const SEGMENT_ROWS = 15;

export function segmentsSection(f: ReportFigures, w: ReportWords): string {
  // A column the filter leaves with one value has nothing to compare.
  const compared = f.segments.filter((s) => s.comparison.rows.length > 1);
  if (!compared.length) return '';
  const minN = f.query.minN;
  const parts = compared.map(({ name, comparison }) => {
    const rows = comparison.rows.slice(0, SEGMENT_ROWS).map((r) => {
      const verdict = r.n < minN ? w.t('trend.few') : r.differs && r.vsRest ? w.t(r.vsRest.difference > 0 ? 'segments.higher' : 'segments.lower') : '';
      return [r.value || w.t('segments.blank'), w.number(r.n), w.signed(r.nps), w.interval(r.ci95), w.signed(r.vsRest?.difference), r.q === null ? '—' : w.p(r.q), verdict] as Cell[];
    });
    const omnibus = comparison.omnibus
      ? para(w.t(comparison.omnibus.p < 0.05 ? 'segments.differ' : 'segments.noDiffer', { column: name, chi2: w.number(comparison.omnibus.chi2, 1), df: comparison.omnibus.df, p: w.p(comparison.omnibus.p) }))
      : '';
    const more = comparison.rows.length > SEGMENT_ROWS ? para(w.t('htmlReport.moreValues', { count: comparison.rows.length - SEGMENT_ROWS }), 'muted small') : '';
    return `<h3>${x(name)}</h3>${omnibus}${table([name, 'n', w.t('table.nps'), w.t('table.interval'), w.t('segments.vsRest'), 'q', w.t('a11y.result')], rows, [1, 2, 4, 5])}${more}`;
  });
  return section('segments', w.t('segments.title'), [...parts, para(w.t('segments.help', { minN }), 'muted small')]);
}

export function transitionsSection(f: ReportFigures, w: ReportWords): string {
  const view = f.transitions;
  const chosen = view?.chosen;
  if (!view || !chosen) return '';
  const from = view.labels[view.a], to = view.labels[view.b];
  const tr = chosen.transition;
  const name = (c: FlowEnd, side: 'from' | 'to') => (c === 'none' ? w.t(side === 'from' ? 'transitions.newIn' : 'transitions.noAnswerIn', { wave: to }) : w.t(`category.${c}`));
  const mix = tr.exactMcNemar ?? tr.stuartMaxwell?.p ?? null;
  const sentence = tr.stuartMaxwell && mix !== null
    ? w.t(mix < 0.05 ? 'transitions.smYes' : 'transitions.smNo', { p: w.p(mix), n: w.number(tr.paired), from, to, test: w.t(tr.exactMcNemar !== null ? 'transitions.testMcNemar' : 'transitions.testSM') })
    : w.t('transitions.smNone', { n: w.number(tr.paired) });
  const paired = tr.pairedNps
    ? ` ${w.t('transitions.paired', { d: w.signed(tr.pairedNps.difference), p: w.p(tr.pairedNps.p), test: tr.pairedNps.method === 't' ? w.t('transitions.testT') : w.t('transitions.testSign', { up: w.number(tr.pairedNps.up), down: w.number(tr.pairedNps.down) }) })}`
    : '';
  // Rows and columns in the categories' order, "no answer in B" last (as the view's matrix).
  const matrix = table(
    [`${from} → ${to}`, ...CATEGORIES.map((c) => w.t(`category.${c}`)), w.t('transitions.noAnswer')],
    CATEGORIES.map((c, i) => [w.t(`category.${c}`), ...[...tr.counts[i], chosen.lost[i]].map((count, j) => `${w.number(count)}${chosen.rowPercent[i][j] === null ? '' : ` (${w.number(chosen.rowPercent[i][j]!, 0)}%)`}`)]),
    [1, 2, 3, 4],
  );
  const pairs = table(
    [w.t('htmlReport.pair'), w.t('transitions.pairedN'), w.t('transitions.improved'), w.t('transitions.stable'), w.t('transitions.worsened')],
    view.pairs.map((p) => [`${view.labels[p.a]} → ${view.labels[p.b]}`, w.number(p.transition.paired), ...(p.percent ? [p.percent.improved, p.percent.stable, p.percent.worsened].map((v) => `${w.number(v, 0)}%`) : ['—', '—', '—'])]),
    [1, 2, 3, 4],
  );
  const watch = f.customers && view.watch.length
    ? `<h3>${x(w.t('watch.title'))}</h3>${para(w.t('watch.help'), 'muted small')}${table(
        [w.t('transitions.customer'), w.t('watch.reason'), w.t('watch.last'), w.t('watch.drop'), w.t('watch.silent')],
        view.watch.slice(0, 20).map((item) => [f.customers![item.customer] ?? '', w.t(`watch.${item.reason}`), item.lastScore, item.drop, item.silentWaves]),
        [2, 3, 4],
      )}`
    : '';
  return section('transitions', w.t('transitions.title'), [
    para(`${sentence}${paired}`, 'note'),
    `<figure>${sankeySvg({ counts: tr.counts, lost: chosen.lost, gained: chosen.gained }, w.t('transitions.sankey', { from, to }), name, (n) => w.number(n), [from, to])}</figure>`,
    matrix,
    para(`${w.t('transitions.improved')} ${w.number(tr.improved)} · ${w.t('transitions.stable')} ${w.number(tr.stable)} · ${w.t('transitions.worsened')} ${w.number(tr.worsened)}`),
    `<h3>${x(w.t('transitions.across'))}</h3>${pairs}`,
    watch,
  ]);
}

export function topicsSection(f: ReportFigures, w: ReportWords): string {
  const topics = f.topics;
  if (!topics || !topics.tally.length) return '';
  const widest = Math.max(1, ...topics.tally.map((t) => Math.max(t.positive, t.negative)));
  const bar = (value: number, side: 'neg' | 'pos') => `<span class="bar ${side}" style="width:${((48 * value) / widest).toFixed(1)}%"></span>`;
  const rows = [...topics.tally].sort((a, b) => b.mentions - a.mentions).map((t) => [
    topics.labels[t.id] ?? t.id, w.number(t.mentions), w.number(t.negative), w.number(t.positive),
    { html: `<span class="diverging">${bar(t.negative, 'neg')}<span class="axis-mid"></span>${bar(t.positive, 'pos')}</span>` },
  ] as Cell[]);
  return section('topics', w.t('comments.topics'), [
    para(w.t('htmlReport.topicsLead', { commented: w.number(topics.commented) }), 'muted'),
    table([w.t('comments.topic'), w.t('comments.mentions'), w.t('comments.negative'), w.t('comments.positive'), `${w.t('comments.negative')} ◀ ▶ ${w.t('comments.positive')}`], rows, [1, 2, 3]),
  ]);
}

export function fixFirstSection(f: ReportFigures, w: ReportWords): string {
  const topics = f.topics;
  if (!topics || !topics.fixFirst.some((r) => r.negative > 0)) return '';
  const label = (id: string) => topics.labels[id] ?? id;
  const map = impactSvg(
    topics.fixFirst.map((r) => ({ id: r.topicId, label: label(r.topicId), negativeShare: r.negativeShare, gap: r.gap, quadrant: r.quadrant })),
    topics.line, w.t('fixFirst.title'), { share: w.t('fixFirst.axisShare'), cost: w.t('fixFirst.axisCost') }, (v) => w.number(v),
  );
  const rows = topics.fixFirst.map((r) => [
    label(r.topicId),
    { html: `<span class="tag ${x(r.quadrant)}">${x(w.t(`fixFirst.${r.quadrant}`))}</span>${r.quadrant === 'fix-first' && r.feasibility === 'short' ? ` <span class="tag quick">${x(w.t('fixFirst.quickWin'))}</span>` : ''}` },
    `${w.percent(r.negativeShare)} (${w.number(r.negative)})`, w.signed(r.npsNegative), w.signed(r.npsOthers),
    { html: `${x(w.signed(r.gap))}${r.gapCi95 ? `<br><small class="muted">${x(w.interval(r.gapCi95))}</small>` : ''}` }, r.q === null ? '—' : w.p(r.q), w.number(r.pointsAtStake, 1),
    r.feasibility ? w.t(r.feasibility === 'short' ? 'fixFirst.short' : 'fixFirst.long') : '—',
  ] as Cell[]);
  return section('fix-first', w.t('fixFirst.title'), [
    para(w.t('fixFirst.help'), 'muted small'),
    `<figure>${map}<figcaption>${x(w.t('fixFirst.mapDesc'))}</figcaption></figure>`,
    table([w.t('comments.topic'), w.t('fixFirst.quadrant'), w.t('fixFirst.negativeShare'), w.t('fixFirst.npsNegative'), w.t('fixFirst.npsOthers'), w.t('fixFirst.gap'), 'q', w.t('fixFirst.stake'), w.t('fixFirst.feasibility')], rows, [2, 3, 4, 5, 6, 7]),
    para(w.t('fixFirst.stakeHelp', { line: w.number(topics.line, 1) }), 'muted small'),
  ]);
}

/** What customers wrote about the topics to fix first: only when the person ticked comments in. */
export function quotesSection(f: ReportFigures, w: ReportWords): string {
  if (!f.choices.comments || !f.topics || !f.quotes.length) return '';
  const topics = f.topics;
  return section('quotes', w.t('htmlReport.quotes'), [
    para(w.t('htmlReport.quotesLead'), 'muted small'),
    ...f.quotes.map((q) => `<h3>${x(topics.labels[q.topicId] ?? q.topicId)}</h3><ul class="quotes">${q.quotes
      .map((c) => `<li><blockquote>${x(c.comment)}</blockquote><p class="muted small">${x([c.date, w.t('htmlReport.score', { score: c.score }), c.customer].filter(Boolean).join(' · '))}</p></li>`)
      .join('')}</ul>`),
  ]);
}
