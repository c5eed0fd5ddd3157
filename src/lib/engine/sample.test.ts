import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EVENTS, SAMPLE_FILE_NAME, mulberry32, sampleCsv } from './sample';

const HEADER = 'account_id,company,respondent_email,answered_at,wave,score,comment,plan,region,csm,industry,contract_start,renewal_date';
type Row = Record<string, string>;

/** NPS of a set of rows, computed here independently: % of 9–10 minus % of 0–6. */
function nps(rows: readonly Row[]): number {
  let pro = 0;
  let det = 0;
  for (const r of rows) {
    const s = Number(r.score);
    if (s >= 9) pro++;
    else if (s <= 6) det++;
  }
  return (100 * (pro - det)) / rows.length;
}

const SUPPORT = /サポート|問い合わせ|support/i;
const PRICE = /価格|料金|値上げ|費用|コスト|price|pricing|cost|expensive/i;
const isComplaint = (re: RegExp) => (r: Row) => Number(r.score) <= 6 && re.test(r.comment);
const share = (rows: readonly Row[], pred: (r: Row) => boolean): number => {
  const commented = rows.filter((r) => r.comment !== '');
  return commented.filter(pred).length / commented.length;
};
const byWave = (rows: readonly Row[], wave: string) => rows.filter((r) => r.wave === wave);
const jstDate = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000); // read with getUTC*

let csv: string;
let rows: Row[];

beforeAll(() => {
  csv = sampleCsv();
  const parsed = Papa.parse<Row>(csv.slice(0, -1), { header: true });
  expect(parsed.errors).toEqual([]);
  rows = parsed.data;
});

describe('mulberry32', () => {
  it('is a deterministic generator of floats in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('sampleCsv', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(sampleCsv()).toBe(csv);
    expect(sampleCsv({ seed: 20240401 })).toBe(csv);
    const other = sampleCsv({ seed: 1 });
    expect(other).not.toBe(csv);
    expect(other).toBe(sampleCsv({ seed: 1 }));
  });

  it('has the exact header, \\n line ends and a file name', () => {
    expect(csv.split('\n', 1)[0]).toBe(HEADER);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv.includes('\r')).toBe(false);
    expect(SAMPLE_FILE_NAME).toBe('acme-cloud-nps-sample.csv');
  });

  it('uses valid, minimal RFC 4180 quoting', () => {
    // Re-serialise the parsed cells with the rule "quote iff the field contains a comma,
    // quote or line break; double inner quotes" and require the very same bytes back.
    const cells = Papa.parse<string[]>(csv.slice(0, -1), { header: false });
    expect(cells.errors).toEqual([]);
    for (const r of cells.data) expect(r.length).toBe(13);
    const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    expect(cells.data.map((r) => r.map(q).join(',')).join('\n') + '\n').toBe(csv);
    // and the tricky cases really occur
    expect(rows.some((r) => r.comment.includes(','))).toBe(true);
    expect(rows.some((r) => r.comment.includes('"'))).toBe(true);
    expect(rows.some((r) => r.comment.includes('\n'))).toBe(true);
  });

  it('is big enough: >= 3,000 answers from >= 1,000 accounts', () => {
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    expect(rows.length).toBeLessThanOrEqual(6000);
    const accounts = new Set(rows.map((r) => r.account_id));
    expect(accounts.size).toBeGreaterThanOrEqual(1000);
    for (const id of accounts) expect(id).toMatch(/^ACME-\d{4}$/);
  });

  it('has whole-number scores 0–10 using the whole scale', () => {
    expect(rows.filter((r) => !/^(?:[0-9]|10)$/.test(r.score))).toEqual([]);
    expect(new Set(rows.map((r) => r.score)).size).toBe(11);
  });

  it('dates answers on business days and hours inside their wave quarter', () => {
    const bad = rows.filter((r) => {
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/.test(r.answered_at)) return true;
      if (Number.isNaN(Date.parse(r.answered_at))) return true;
      const d = jstDate(r.answered_at);
      const wave = `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
      const weekday = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
      const hours = d.getUTCHours() >= 9 && d.getUTCHours() < 19;
      return wave !== r.wave || !weekday || !hours;
    });
    expect(bad).toEqual([]);
    // rows come sorted by time, like a CRM export
    const times = rows.map((r) => r.answered_at);
    expect([...times].sort()).toEqual(times);
  });

  it('covers ten quarterly waves, 2023-Q2 … 2025-Q3', () => {
    const waves = [...new Set(rows.map((r) => r.wave))].sort();
    expect(waves.length).toBeGreaterThanOrEqual(8);
    expect(waves[0]).toBe('2023-Q2');
    expect(waves[waves.length - 1]).toBe('2025-Q3');
    for (const w of waves) expect(byWave(rows, w).length).toBeGreaterThan(250);
  });

  it('has the documented categories', () => {
    const values = (k: string) => new Set(rows.map((r) => r[k]));
    expect([...values('plan')].sort()).toEqual(['エンタープライズ', 'スタンダード', 'フリー', 'プロ'].sort());
    expect([...values('region')].sort()).toEqual(['中部', '九州', '北海道・東北', '関東', '関西'].sort());
    expect([...values('industry')].sort()).toEqual(['IT・通信', '医療', '小売', '建設', '物流', '製造', '金融'].sort());
    expect(values('csm').size).toBe(6);
    for (const c of values('company')) expect(c).toMatch(/株式会社|有限会社|合同会社/);
  });

  it('ties accounts to one company, a company domain and 1–2 respondents', () => {
    const acc = new Map<string, { company: string; domain: string; emails: Set<string> }>();
    expect(rows.filter((r) => !/^[a-z][a-z.]*@[a-z0-9.-]+\.(?:co\.jp|jp|com)$/.test(r.respondent_email))).toEqual([]);
    for (const r of rows) {
      const domain = r.respondent_email.split('@')[1];
      const a = acc.get(r.account_id) ?? { company: r.company, domain, emails: new Set<string>() };
      if (r.company !== a.company || domain !== a.domain) throw new Error(`inconsistent account ${r.account_id}`);
      a.emails.add(r.respondent_email);
      acc.set(r.account_id, a);
    }
    const sizes = [...acc.values()].map((a) => a.emails.size);
    expect(Math.max(...sizes)).toBe(2);
    expect(sizes.filter((n) => n === 2).length).toBeGreaterThan(100);
    expect(new Set([...acc.values()].map((a) => a.domain)).size).toBe(acc.size);
    expect(new Set([...acc.values()].map((a) => a.company)).size).toBe(acc.size);
    // one answer per respondent per wave
    const keys = rows.map((r) => `${r.respondent_email} ${r.wave}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a customer base that churns and grows', () => {
    const first = new Set(byWave(rows, '2023-Q2').map((r) => r.account_id));
    const last = new Set(byWave(rows, '2025-Q3').map((r) => r.account_id));
    const joined = [...last].filter((id) => !rows.some((r) => r.account_id === id && r.wave < '2024-Q3'));
    expect([...first].filter((id) => !last.has(id)).length).toBeGreaterThan(100); // churned or silent
    expect(joined.length).toBeGreaterThan(100); // newer accounts
  });

  it('has persistent per-account sentiment (scores correlate across waves)', () => {
    const byRespondent = new Map<string, Row[]>();
    for (const r of rows) byRespondent.set(r.respondent_email, [...(byRespondent.get(r.respondent_email) ?? []), r]);
    const pairs: [number, number][] = [];
    for (const rs of byRespondent.values())
      for (let i = 1; i < rs.length; i++) pairs.push([Number(rs[i - 1].score), Number(rs[i].score)]);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const mx = mean(pairs.map((p) => p[0]));
    const my = mean(pairs.map((p) => p[1]));
    let sxy = 0, sxx = 0, syy = 0;
    for (const [x, y] of pairs) {
      sxy += (x - mx) * (y - my);
      sxx += (x - mx) ** 2;
      syy += (y - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.3);
  });

  it('has a realistic NPS with the documented segment differences', () => {
    const overall = nps(rows);
    expect(overall).toBeGreaterThan(0);
    expect(overall).toBeLessThan(25);
    const seg = (k: string, v: string) => nps(rows.filter((r) => r[k] === v));
    expect(seg('plan', 'エンタープライズ')).toBeGreaterThan(seg('plan', 'フリー') + 20);
    expect(seg('region', '関西')).toBeLessThan(seg('region', '関東'));
    const csms = [...new Set(rows.map((r) => r.csm))].map((c) => seg('csm', c)).sort((a, b) => b - a);
    expect(csms[0]).toBeGreaterThan(csms[1] + 10); // one CSM stands out
  });

  it('comments: ~55% of answers, mostly Japanese, some English, varied, 15–60 chars', () => {
    const commented = rows.filter((r) => r.comment !== '');
    const rate = commented.length / rows.length;
    expect(rate).toBeGreaterThan(0.45);
    expect(rate).toBeLessThan(0.65);
    const isJa = (s: string) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s);
    const en = commented.filter((r) => !isJa(r.comment)).length / commented.length;
    expect(en).toBeGreaterThan(0.08);
    expect(en).toBeLessThan(0.25);
    expect(new Set(commented.map((r) => r.comment)).size).toBeGreaterThanOrEqual(80);
    expect(commented.some((r) => r.comment === '特になし')).toBe(true);
    const badLength = commented.filter(({ comment: c }) => c.length > 60 || (c.length < 15 && c !== '特になし'));
    expect(badLength).toEqual([]);
    expect(commented.filter(({ comment: c }) => c !== c.trim())).toEqual([]);
    expect(commented.some((r) => r.comment.includes('サポートの対応が早くて助かりました。'))).toBe(true);
    expect(commented.some((r) => r.comment.includes('The Slack integration saves us time.'))).toBe(true);
  });

  it('comment polarity follows the score', () => {
    const praise = /助かり|満足|便利|使いやすい|安定して|好評|Great|saves|easy|Fast|solid/;
    const promoters = rows.filter((r) => Number(r.score) >= 9 && r.comment !== '');
    const detractors = rows.filter((r) => Number(r.score) <= 6 && r.comment !== '');
    const rate = (rs: Row[]) => rs.filter((r) => praise.test(r.comment)).length / rs.length;
    expect(rate(promoters)).toBeGreaterThan(2 * rate(detractors));
  });

  it('lists 3–6 dated, bilingual events', () => {
    expect(SAMPLE_EVENTS.length).toBeGreaterThanOrEqual(3);
    expect(SAMPLE_EVENTS.length).toBeLessThanOrEqual(6);
    const dates = SAMPLE_EVENTS.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    for (const e of SAMPLE_EVENTS) {
      expect(e.date).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(e.date >= '2023-04-01' && e.date <= '2025-09-30').toBe(true);
      expect(e.label.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(e.label.en.length).toBeGreaterThan(5);
    }
    const kinds = SAMPLE_EVENTS.map((e) => e.kind);
    for (const k of ['pricing', 'incident', 'support', 'release', 'campaign'] as const) expect(kinds).toContain(k);
  });

  it('shows the price increase: NPS drops and price complaints jump', () => {
    const price = SAMPLE_EVENTS.find((e) => e.kind === 'pricing');
    expect(price?.date).toBe('2024-04-01');
    const before = byWave(rows, '2024-Q1');
    const after = byWave(rows, '2024-Q2');
    expect(nps(after)).toBeLessThan(nps(before) - 5);
    expect(share(after, isComplaint(PRICE))).toBeGreaterThan(2 * share(before, isComplaint(PRICE)));
  });

  it('shows the outage: reliability complaints spike in 2024-Q3 after 07-15', () => {
    const outage = /障害|outage/i;
    const q3 = byWave(rows, '2024-Q3');
    const afterOutage = q3.filter((r) => r.answered_at >= '2024-07-15');
    const earlier = rows.filter((r) => r.answered_at < '2024-07-01');
    expect(share(afterOutage, isComplaint(outage))).toBeGreaterThan(0.05);
    expect(share(earlier, isComplaint(outage))).toBe(0); // nobody mentions an outage before it happens
  });

  it('shows the support upgrade: support complaints fall and NPS recovers', () => {
    const day = SAMPLE_EVENTS.find((e) => e.kind === 'support')?.date;
    expect(day).toBe('2024-10-01');
    const before = rows.filter((r) => r.answered_at < '2024-10-01');
    const after = rows.filter((r) => r.answered_at >= '2024-10-01');
    expect(share(after, isComplaint(SUPPORT))).toBeLessThan(0.6 * share(before, isComplaint(SUPPORT)));
    expect(nps(byWave(rows, '2025-Q1'))).toBeGreaterThan(nps(byWave(rows, '2024-Q3')) + 10);
  });
});
