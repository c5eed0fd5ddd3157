// Built-in sample data ("Explore the sample data"): a deterministic, seeded NPS survey
// history of a fictional Japanese B2B SaaS, "Acme Cloud", emitted as a CRM-style CSV
// that the app imports through its normal pipeline.
//
// Model, in short: accounts join over time (a switch-over campaign brings a wave of
// them), each has a persistent sentiment; 1–2 respondents per account answer most
// quarterly waves; a score is sentiment + plan / region / CSM / industry effects +
// time-dependent event effects + noise; accounts churn (unhappy ones more often).
// Comments pick topics whose weights follow the same events. Pure TS, no I/O.

import {
  EN,
  GENERIC,
  JA,
  JA_LEADS,
  NOTHING,
  REGION_WORDS,
  STEMS,
  SUFFIXES,
  SURNAMES_ROMAJI,
  TOPICS,
  type Phrase,
  type PhraseTable,
  type Tone,
  type Topic
} from './sample-text';
import { categoryIndex } from './nps';

export interface SampleEvent {
  date: string;
  label: { ja: string; en: string };
  kind: 'release' | 'pricing' | 'support' | 'incident' | 'campaign';
}
export interface SampleOptions {
  seed?: number;
}

export const SAMPLE_FILE_NAME = 'acme-cloud-nps-sample.csv';
export const SAMPLE_DEFAULT_SEED = 20240401;

export const SAMPLE_EVENTS: readonly SampleEvent[] = [
  { date: '2023-10-02', kind: 'campaign', label: { ja: '乗り換えキャンペーン（初年度50%オフ）', en: 'Switch-over campaign (50% off first year)' } },
  { date: '2024-04-01', kind: 'pricing', label: { ja: '料金改定（スタンダード・プロ約20%値上げ）', en: 'Price increase (~20% on Standard and Pro)' } },
  { date: '2024-07-15', kind: 'incident', label: { ja: '大規模障害（約9時間の全面停止）', en: 'Major outage (~9-hour full service outage)' } },
  { date: '2024-10-01', kind: 'support', label: { ja: 'サポート体制強化（AIチャットボット導入・窓口増員）', en: 'Support upgrade (AI chatbot + larger support team)' } },
  { date: '2025-01-20', kind: 'release', label: { ja: '新ダッシュボードをリリース', en: 'New dashboard released' } }
];

export const SAMPLE_COLUMNS = [
  'account_id', 'company', 'respondent_email', 'answered_at', 'wave', 'score',
  'comment', 'plan', 'region', 'csm', 'industry', 'contract_start', 'renewal_date'
] as const;

const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The account's contract start, from its number (no draw from the generator, so adding these
 * columns left every other value as it was): accounts there from the first wave signed up to
 * ~2.5 years earlier; later ones shortly before their first survey.
 */
function contractStart(n: number, joinWave: number): number {
  return joinWave === 0 ? waveStart(0) - 30 - ((n * 37) % 900) : waveStart(joinWave) - ((n * 13) % 60);
}

/** Annual contracts: the first anniversary of the start on or after the answer. */
function nextRenewal(start: number, day: number): number {
  const years = Math.max(1, Math.ceil((day - start) / 365.25));
  return start + Math.round(years * 365.25);
}

/** mulberry32: tiny, fast, good-enough 32-bit seeded PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- random helpers -------------------------------------------------------------------

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  /** Index drawn with probability proportional to weights (all >= 0, sum > 0). */
  weighted(ws: readonly number[]): number {
    let total = 0;
    for (const w of ws) total += w;
    let r = this.next() * total;
    let last = 0;
    for (let i = 0; i < ws.length; i++) {
      if (ws[i] <= 0) continue;
      last = i;
      r -= ws[i];
      if (r < 0) return i;
    }
    return last; // rounding: never fall through to a zero-weight item
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

// ---- calendar (days since epoch, UTC arithmetic used as JST wall-clock) -----------------

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => pad(i));

const WAVES = 10; // 2023-Q2 … 2025-Q3
const waveYear = (w: number): number => 2023 + Math.floor((w + 1) / 4);
const waveQ = (w: number): number => ((w + 1) % 4) + 1;
const waveLabel = (w: number): string => `${waveYear(w)}-Q${waveQ(w)}`;
const waveStart = (w: number): number => Date.UTC(waveYear(w), (waveQ(w) - 1) * 3, 1) / DAY_MS;

function isBusinessDay(d: Date): boolean {
  const dow = d.getUTCDay();
  if (dow === 0 || dow === 6) return false;
  const md = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  return !(md >= 1229 || md <= 103 || (md >= 503 && md <= 505) || (md >= 813 && md <= 815));
}

interface WaveDays {
  /** Business days of the quarter (epoch days) and their 'YYYY-MM-DD' labels. */
  days: number[];
  labels: string[];
  /** How many of them fall in the first five weeks (invitation + first reminder). */
  early: number;
}

function waveDays(w: number): WaveDays {
  const start = waveStart(w);
  const out: WaveDays = { days: [], labels: [], early: 0 };
  for (let day = start; day < waveStart(w + 1); day++) {
    const d = new Date(day * DAY_MS);
    if (!isBusinessDay(d)) continue;
    out.days.push(day);
    out.labels.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
    if (day < start + 35) out.early++;
  }
  return out;
}

const HOUR_WEIGHTS = [0.5, 1.2, 1.1, 0.5, 0.9, 1.1, 1.1, 1, 0.8, 0.4]; // 09:00 … 18:59

// ---- the fictional customer base --------------------------------------------------------

const PLANS = ['フリー', 'スタンダード', 'プロ', 'エンタープライズ'] as const;
const PLAN_MIX = [0.3, 0.36, 0.22, 0.12];
const PLAN_EFFECT = [-0.65, 0, 0.25, 0.7];
const SECOND_RESPONDENT = [0.08, 0.22, 0.38, 0.6];
const PARTICIPATION = [0.48, 0.57, 0.63, 0.7];
const REGIONS = ['関東', '関西', '中部', '九州', '北海道・東北'] as const;
const REGION_MIX = [0.45, 0.2, 0.14, 0.11, 0.1];
const REGION_EFFECT = [0, -0.4, 0, 0.05, 0];
const CSMS = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺'] as const;
const CSM_EFFECT = [0, 0.05, 0.85, 0, -0.05, -0.3];
const INDUSTRIES = ['製造', '小売', 'IT・通信', '金融', '医療', '建設', '物流'] as const;
const INDUSTRY_MIX = [0.22, 0.15, 0.2, 0.1, 0.1, 0.11, 0.12];
const INDUSTRY_EFFECT = [0, -0.1, 0.2, 0.05, 0.1, -0.2, -0.05];
/** New accounts per wave; the campaign (2023-10) shows up in waves 2–3. */
const JOINS = [400, 75, 160, 120, 70, 65, 70, 80, 85, 95];
const GIVEN_INITIALS = 'aehkmnrstyj';
const FOREIGN_SURNAMES = ['smith', 'miller', 'chen', 'kim', 'nguyen', 'garcia', 'patel', 'brown', 'wong', 'lee'];

interface Respondent {
  email: string;
  offset: number;
  en: boolean;
  participation: number;
}
interface Account {
  id: string;
  company: string;
  industry: number;
  region: number;
  csm: number;
  plan: number;
  latent: number;
  joinWave: number;
  respondents: Respondent[];
}

function companyName(rng: Rng, industry: number, region: number, used: Set<string>): [string, string] {
  for (let attempt = 0; ; attempt++) {
    const [stem, stemRo] = rng.pick(STEMS);
    const [suf, sufRo] = rng.pick(SUFFIXES[INDUSTRIES[industry]]);
    const withRegion = rng.chance(attempt > 20 ? 0.9 : 0.22);
    const [reg, regRo] = withRegion ? rng.pick(REGION_WORDS[REGIONS[region]]) : ['', ''];
    const core = reg + stem + suf;
    if (used.has(core)) continue;
    const roParts = [regRo, stemRo, sufRo].filter((p) => p !== '');
    const domains = [`${roParts.join('-')}.co.jp`, `${roParts.join('')}.co.jp`, `${roParts.join('-')}.jp`, `${roParts.join('-')}.com`];
    const domain = domains.find((d) => !used.has(d));
    if (domain === undefined) continue;
    used.add(core);
    used.add(domain);
    const r = rng.next();
    const name = r < 0.6 ? `株式会社${core}` : r < 0.92 ? `${core}株式会社` : r < 0.96 ? `有限会社${core}` : `合同会社${core}`;
    return [name, domain];
  }
}

function makeAccount(rng: Rng, n: number, joinWave: number, used: Set<string>): Account {
  const campaign = joinWave === 2 || joinWave === 3;
  const industry = rng.weighted(INDUSTRY_MIX);
  const region = rng.weighted(REGION_MIX);
  // campaign sign-ups skew to the free and standard plans
  const plan = rng.weighted(campaign ? [0.45, 0.38, 0.12, 0.05] : PLAN_MIX);
  const [company, domain] = companyName(rng, industry, region, used);
  const style = rng.int(4);
  const respondents: Respondent[] = [];
  const count = rng.chance(SECOND_RESPONDENT[plan]) ? 2 : 1;
  const taken = new Set<string>();
  while (respondents.length < count) {
    const en = rng.chance(0.15);
    const surname = en && rng.chance(0.5) ? rng.pick(FOREIGN_SURNAMES) : rng.pick(SURNAMES_ROMAJI);
    if (taken.has(surname)) continue;
    taken.add(surname);
    const g = GIVEN_INITIALS[rng.int(GIVEN_INITIALS.length)];
    const local = [`${g}.${surname}`, `${surname}.${g}`, `${surname}`, `${g}${surname}`][style];
    respondents.push({
      email: `${local}@${domain}`,
      offset: rng.normal() * 0.45,
      en,
      participation: PARTICIPATION[plan] + (rng.next() - 0.5) * 0.2
    });
  }
  return {
    id: `ACME-${pad(n, 4)}`,
    company,
    industry,
    region,
    csm: rng.int(CSMS.length),
    plan,
    latent: rng.normal() * 1.1 - (campaign ? 0.3 : 0),
    joinWave,
    respondents
  };
}

// ---- events as effects --------------------------------------------------------------------

const PRICE_DAY = dayOf('2024-04-01');
const OUTAGE_DAY = dayOf('2024-07-15');
const SUPPORT_DAY = dayOf('2024-10-01');
const RELEASE_DAY = dayOf('2025-01-20');
const PRICE_HIT = [0, 0, 0, 0, 0.75, 0.35, 0.1, 0, 0, 0]; // by wave
const PRICE_EXPOSURE = [0.25, 1, 1, 0.6]; // by plan (enterprise on annual contracts)

function eventShift(day: number, w: number, plan: number): number {
  let s = -PRICE_HIT[w] * PRICE_EXPOSURE[plan];
  if (day >= OUTAGE_DAY) s -= 0.75 * Math.exp(-(day - OUTAGE_DAY) / 55);
  if (day >= SUPPORT_DAY) s += 0.2 * Math.min(1, (day - SUPPORT_DAY) / 180);
  if (day >= RELEASE_DAY) s += 0.12 * Math.min(1, (day - RELEASE_DAY) / 90);
  return s;
}

// ---- comments ------------------------------------------------------------------------------

const BASE_TOPIC_WEIGHT: Record<Topic, number> = {
  features: 1.3, support: 1.2, price: 1, usability: 1.2,
  performance: 0.8, reliability: 0.6, onboarding: 0.5, integrations: 0.8
};

interface Ctx {
  day: number;
  w: number;
  tenure: number;
  plan: number;
  industry: number;
  en: boolean;
}

/** How much more price comes up per wave (the increase lands in wave 4, 2024-Q2). */
const PRICE_TALK = [1, 1, 1, 1, 5, 2.6, 1.4, 1.1, 1, 1];

function topicWeight(t: Topic, tone: Tone, c: Ctx): number {
  let x = BASE_TOPIC_WEIGHT[t];
  const { day, w } = c;
  if (t === 'support') {
    if (tone === 'neg') x *= day < SUPPORT_DAY ? 1.6 : 0.45;
    if (tone === 'pos' && day >= SUPPORT_DAY) x *= 2;
  } else if (t === 'price') {
    if (tone !== 'pos') x *= PRICE_TALK[w] * (c.plan === 0 ? 0.4 : 1);
    else x *= day >= PRICE_DAY ? 0.5 : 1;
  } else if (t === 'reliability') {
    const recent = day >= OUTAGE_DAY && day < SUPPORT_DAY;
    if (tone === 'neg') x *= recent ? 7 : day >= OUTAGE_DAY && w === 6 ? 2 : 1;
    if (tone === 'pos' && recent) x *= 0.2;
  } else if ((t === 'features' || t === 'usability') && day >= RELEASE_DAY) {
    x *= tone === 'neg' ? 0.7 : 2.5;
  } else if (t === 'onboarding') {
    x *= c.tenure === 0 ? 5 : c.tenure === 1 ? 2 : 0.6;
  } else if (t === 'integrations' && c.industry === 2) {
    x *= 1.6;
  } else if (t === 'performance' && tone === 'neg') {
    x *= 1.2;
  }
  return x;
}

const topicScratch: number[] = TOPICS.map(() => 0);
function pickTopic(rng: Rng, tone: Tone, c: Ctx, not?: Topic): Topic {
  for (let i = 0; i < TOPICS.length; i++) topicScratch[i] = TOPICS[i] === not ? 0 : topicWeight(TOPICS[i], tone, c);
  return TOPICS[rng.weighted(topicScratch)];
}

interface Compiled {
  t: string;
  from: number;
  to: number;
  /** Event-specific phrases are what people say in the months after the event. */
  dated: boolean;
}
const compiledPhrases = new Map<readonly Phrase[], Compiled[]>();
function compile(list: readonly Phrase[]): Compiled[] {
  let c = compiledPhrases.get(list);
  if (!c) {
    c = list.map((p) =>
      typeof p === 'string'
        ? { t: p, from: -Infinity, to: Infinity, dated: false }
        : { t: p.t, from: p.from ? dayOf(p.from) : -Infinity, to: p.to ? dayOf(p.to) : Infinity, dated: true }
    );
    compiledPhrases.set(list, c);
  }
  return c;
}

function sentence(rng: Rng, topic: Topic, tone: Tone, c: Ctx): string {
  const table: PhraseTable = c.en ? EN : JA;
  const list = compile(table[topic][tone]);
  const weight = (p: Compiled): number => (c.day < p.from || c.day > p.to ? 0 : p.dated && c.day - p.from < 180 ? 3 : 1);
  let total = 0;
  for (const p of list) total += weight(p);
  let r = rng.next() * total;
  let last = list[0];
  for (const p of list) {
    const wt = weight(p);
    if (wt === 0) continue;
    last = p;
    r -= wt;
    if (r < 0) break;
  }
  return last.t;
}

function generic(rng: Rng, tone: 'pos' | 'neg' | 'mid', c: Ctx): string {
  const g = GENERIC[c.en ? 'en' : 'ja'];
  return rng.pick(tone === 'mid' && c.tenure === 0 && rng.chance(0.6) ? g.fresh : g[tone]);
}

function comment(rng: Rng, score: number, c: Ctx): string {
  const cat = (['neg', 'mid', 'pos'] as const)[categoryIndex(score)];
  if (!rng.chance(cat === 'neg' ? 0.68 : cat === 'pos' ? 0.56 : 0.46)) return '';
  const r = rng.next();
  let parts: string[];
  if (cat === 'pos') {
    if (r < 0.03) return c.en ? NOTHING.en : NOTHING.ja;
    const a = pickTopic(rng, 'pos', c);
    parts = r < 0.1 ? [generic(rng, 'pos', c)] : [sentence(rng, a, 'pos', c)];
    if (r >= 0.1 && r < 0.32) parts.push(sentence(rng, pickTopic(rng, 'pos', c, a), 'pos', c));
    else if (r >= 0.32 && r < 0.4) parts.push(sentence(rng, pickTopic(rng, 'wish', c, a), 'wish', c));
    else if (r >= 0.4 && r < 0.46) parts.push(generic(rng, 'pos', c));
  } else if (cat === 'mid') {
    if (r < 0.07) return c.en ? NOTHING.en : NOTHING.ja;
    const a = pickTopic(rng, 'wish', c);
    if (r < 0.2) parts = [generic(rng, 'mid', c)];
    else if (r < 0.62) parts = [sentence(rng, a, 'wish', c)];
    else {
      const good = pickTopic(rng, 'pos', c, a); // praise one thing, then a wish or a gripe about another
      const bad = r < 0.9 ? a : pickTopic(rng, 'neg', c, good);
      parts = [sentence(rng, good, 'pos', c), sentence(rng, bad, r < 0.9 ? 'wish' : 'neg', c)];
    }
  } else {
    const a = pickTopic(rng, 'neg', c);
    parts = r < 0.08 ? [generic(rng, 'neg', c)] : [sentence(rng, a, 'neg', c)];
    if (r >= 0.08 && r < 0.36) parts.push(sentence(rng, pickTopic(rng, 'neg', c, a), 'neg', c));
    else if (r >= 0.36 && r < 0.46) parts.push(generic(rng, 'neg', c));
  }
  const sep = c.en ? ' ' : '';
  let text = parts.join(sep);
  if (text.length > 60) text = parts[0];
  else if (parts.length > 1 && rng.chance(0.04)) text = parts.join('\n'); // typed on two lines
  while (!c.en && text.length < 15) text = rng.pick(JA_LEADS) + text;
  return text;
}

// ---- CSV --------------------------------------------------------------------------------------

function csvField(s: string): string {
  const special = s.includes(',') || s.includes('"') || s.includes('\n') || s.includes('\r');
  return special ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The sample survey history as CSV text (header row first, '\n' line ends). */
export function sampleCsv(options: SampleOptions = {}): string {
  const rng = new Rng(options.seed ?? SAMPLE_DEFAULT_SEED);
  const used = new Set<string>();
  const active: Account[] = [];
  const rows: { at: string; id: string; email: string; line: string }[] = [];
  let n = 0;
  for (let w = 0; w < WAVES; w++) {
    const wd = waveDays(w);
    for (let j = 0; j < JOINS[w]; j++) active.push(makeAccount(rng, ++n, w, used));
    for (const a of active) {
      const tenure = w - a.joinWave;
      if (tenure > 0) {
        const up = [0.04, 0.02, 0.015, 0][a.plan];
        if (rng.chance(up)) a.plan++;
      }
      const base = 7.82 + a.latent + PLAN_EFFECT[a.plan] + REGION_EFFECT[a.region] + CSM_EFFECT[a.csm] + INDUSTRY_EFFECT[a.industry];
      for (const p of a.respondents) {
        if (!rng.chance(tenure === 0 ? 0.85 : p.participation)) continue;
        // half answer within ~5 weeks of the invitation, the rest after reminders
        const di = rng.int(rng.chance(0.5) ? wd.early : wd.days.length);
        const day = wd.days[di];
        const at = `${wd.labels[di]}T${TWO_DIGITS[9 + rng.weighted(HOUR_WEIGHTS)]}:${TWO_DIGITS[rng.int(60)]}:${TWO_DIGITS[rng.int(60)]}+09:00`;
        const noise = rng.chance(0.12) ? rng.normal() * 2.3 : rng.normal();
        let x = base + p.offset + eventShift(day, w, a.plan) + (tenure === 0 ? -0.15 : 0) + noise;
        if (x < 5 && rng.chance(0.3)) x -= 1 + 3 * rng.next(); // the angry ones go all the way down
        const score = Math.max(0, Math.min(10, Math.round(x)));
        const text = comment(rng, score, { day, w, tenure, plan: a.plan, industry: a.industry, en: p.en });
        const start = contractStart(Number(a.id.replace(/\D/g, '')), a.joinWave);
        const fields = [a.id, a.company, p.email, at, waveLabel(w), String(score), text, PLANS[a.plan], REGIONS[a.region], CSMS[a.csm], INDUSTRIES[a.industry], isoOfDay(start), isoOfDay(nextRenewal(start, day))];
        rows.push({ at, id: a.id, email: p.email, line: fields.map(csvField).join(',') });
      }
    }
    // churn at the end of the wave: unhappy, free and price-hit accounts leave more often
    for (let i = active.length - 1; i >= 0; i--) {
      const a = active[i];
      let h = 0.06 + (a.plan === 0 ? 0.04 : 0) + (a.latent < -0.8 ? 0.03 : 0);
      if ((w === 4 || w === 5) && a.latent < 0 && a.plan > 0) h += 0.05;
      if (rng.chance(h)) active.splice(i, 1);
    }
  }
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((x, y) => cmp(x.at, y.at) || cmp(x.id, y.id) || cmp(x.email, y.email));
  return [SAMPLE_COLUMNS.join(','), ...rows.map((r) => r.line)].join('\n') + '\n';
}
