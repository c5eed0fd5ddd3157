/**
 * The HTML report of the sample with hostile text in it: a comment, a segment value, an event,
 * the dataset's name and a topic label each try to break out of the markup.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENTS, sampleCsv } from '../engine/sample';
import { importFiles } from '../ingest/pipeline';
import { previewFile } from '../ingest/preview';
import { assembleImport } from '../ingest/assemble';
import { DEFAULT_TOPICS } from '../engine/text/dictionary';
import { compileTopics } from '../engine/text/topics';
import { tagComments } from '../engine/text/tag';
import { computeOverview } from '../engine/overview';
import { filterMask } from '../engine/filters';
import { filterOf, parseViewQuery } from '../state/view-query';
import { reportFigures, type ReportChoices, type ReportSource } from './report-figures';
import { htmlReport, REPORT_POLICY } from './html-report';
import { reportWords } from './report-format';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
// Two answers with hostile comments about price (negative, so they are quoted: price is the topic
// to fix first after the 2024-04 price increase), one on a hostile plan, on the last day of 2024-Q3.
const hostile = [
  `ACME-9001,株式会社テスト,a@test.example,2024-09-30T10:00:00+09:00,2024-Q3,0,価格が高すぎる。${SCRIPT},スタンダード,関東,田中,製造,2022-01-01,2026-01-01`,
  `ACME-9002,株式会社テスト２,b@test.example,2024-09-30T11:00:00+09:00,2024-Q3,1,"値上げがひどい ${IMG.replace(/"/g, '""')}","${IMG.replace(/"/g, '""')}",関西,田中,製造,2022-01-01,2026-01-01`,
];
const bytes = new TextEncoder().encode(`${sampleCsv().trimEnd()}\n${hostile.join('\n')}\n`);
const plan = previewFile(bytes, true).plan;
const built = importFiles([{ name: 'sample.csv', bytes }], [plan]);
const assembled = assembleImport(built, { kind: 'new', id: 'r', name: `Acme ${SCRIPT}` }, { sources: [{ name: `export ${IMG}.csv`, size: bytes.length }], plans: [plan], at: 0 });
const { record, table } = assembled;
const topics = DEFAULT_TOPICS.map((t) => (t.id === 'support' ? { ...t, label: { en: `Support ${IMG}`, ja: `サポート ${IMG}` } } : t));
const tags = tagComments(table, compileTopics(topics));
const events = [...SAMPLE_EVENTS.map((e, k) => ({ id: `e${k}`, datasetId: 'r', date: e.date, label: e.label.en, kind: e.kind })), { id: 'x', datasetId: 'r', date: '2025-02-01', label: `Launch ${SCRIPT}`, kind: 'other' as const }];

function report(hash = '', choices: ReportChoices = { comments: false, customerIds: false }, lang: 'en' | 'ja' = 'en') {
  const query = parseViewQuery(hash);
  const include = filterMask(table, record.segmentColumns, filterOf(query));
  const source: ReportSource = { name: record.name, files: record.files.map((f) => f.name), identity: record.identity, hasDates: record.hasDates, table, segmentColumns: record.segmentColumns, query, include, events, tags, topics };
  return htmlReport(reportFigures(source, choices, lang), { lang, madeAt: '2025-10-01 09:00' });
}

/** Every tag of the document (text cannot hold a `<`: it is escaped). */
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe('htmlReport(figures) writes one self-contained page', () => {
  const html = report();

  it('has its own policy forbidding every request and script, and no script, handler or address', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_POLICY.replace(/'/g, '&#39;')}">`);
    expect(REPORT_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script/i);
    expect(tagsOf(html).filter((tag) => /\son\w+\s*=|\s(src|href|action|srcset|xlink:href)\s*=/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/https?:|url\(|@import|<link|<iframe|<object|<embed|<img/i);
  });

  it('shows the headline, the line with its changes and events, segments, transitions, topics and what to fix first', () => {
    for (const id of ['headline', 'line', 'segments', 'transitions', 'topics', 'fix-first', 'method']) expect(html).toContain(`<section id="${id}">`);
    const overall = computeOverview(table, record.identity).overall;
    const w = reportWords('en');
    expect(html).toContain(`<strong data-figure="nps">${w.signed(overall.nps)}</strong>`);
    expect(html).toContain(`95% interval ${w.signed(overall.ci95![0])} to ${w.signed(overall.ci95![1])}`);
    expect(html).toContain('<li><span class="date">2024-04-01</span> Price increase (~20% on Standard and Pro)</li>');
    // The line's changes of level, found over the whole series (methods §6.8), with the nearest event.
    const changes = html.slice(html.indexOf('<h3>Changes of level</h3>'), html.indexOf('<h3>The figures per period</h3>'));
    expect(changes).toContain('<li class="down">2024-02 – 2024-04: fell from +5.6 to −10.6 (G² = 21.3, p &lt;\u00a00.001). Nearest event: “Price increase (~20% on Standard and Pro)” (2024-04-01).</li>');
    expect(changes).toContain('<li class="up">2024-11 – 2024-12: rose from +4.7 to +23.5 (G² = 115.3, p &lt;\u00a00.001). Nearest event: “Support upgrade (AI chatbot + larger support team)” (2024-10-01).</li>');
    expect(changes.match(/<li class=/g)).toHaveLength(3);
    expect(html).toContain('<h2>Who moved between promoter, passive and detractor</h2>');
    expect(html).toContain('<h2>What to fix first</h2>');
    // Inline charts: the line, the Sankey and the fix-first map, each with its title.
    expect(html).toContain('<title>NPS over time</title>');
    expect(html).toMatch(/<title>Customers from 2025-Q2 to 2025-Q3<\/title>/);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('All answers, no filter · 4,839 answers');
  });

  it('escapes every value from the data: the name, a file, a segment value, an event, a topic label', () => {
    expect(html).toContain('<h1>Acme &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('export &quot;&gt;&lt;img src=x onerror=alert(2)&gt;.csv');
    expect(html).toContain('<td>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</td>');
    expect(html).toContain('Launch &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Support &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('leaves comments and customer ids out by default', () => {
    expect(html).not.toContain('価格が高すぎる');
    expect(html).not.toContain('値上げがひどい');
    expect(html).not.toContain('<section id="quotes">');
    expect(html).not.toMatch(/ACME-\d{4}|@test\.example|\.co\.jp/);
    expect(html).toContain('comments left out · customer ids left out');
  });

  it('quotes comments, escaped, only when they are ticked in — and names customers only when ids are', () => {
    const after = '?from=2024-04-01&to=2024-09-30';
    expect(report(after)).not.toContain('値上げがひどい');
    const withComments = report(after, { comments: true, customerIds: false });
    expect(withComments).toContain('<section id="quotes">');
    expect(withComments).toContain('<blockquote>値上げがひどい &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</blockquote>');
    expect(withComments).toContain('<blockquote>価格が高すぎる。&lt;script&gt;alert(1)&lt;/script&gt;</blockquote>');
    expect(withComments).not.toMatch(/<script|ACME-\d{4}|@test\.example/);
    expect(withComments).not.toContain('id="watch');

    const withIds = report(after, { comments: true, customerIds: true });
    expect(withIds).toContain('2024-09-30 · score 1 · ACME-9002');
    expect(withIds).toContain('<h3>Silent churn watch-list</h3>');
    expect(tagsOf(withIds).filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
  });

  it('covers the view’s filter and says so in words', () => {
    const filtered = report('?from=2024-04-01&to=2024-09-30&f=plan:スタンダード');
    expect(filtered).toMatch(/<p data-figure="filter">plan: スタンダード · 2024-04-01 – 2024-09-30 · [\d,]+ of 4,839 answers<\/p>/);
    expect(filtered).not.toContain('Support upgrade');
    expect(filtered).toContain('Major outage');
  });

  it('is written in Japanese when asked', () => {
    const ja = report('', { comments: false, customerIds: false }, 'ja');
    expect(ja.startsWith('<!doctype html>\n<html lang="ja">')).toBe(true);
    expect(ja).toContain('<h2>概況</h2>');
    expect(ja).toContain('<h2>推奨者・中立者・批判者の間を移った顧客</h2>');
    expect(ja).toContain('コメントは含まない · 顧客IDは含まない');
  });
});
