/**
 * The overview's paragraph in words: engine/overview-story.ts finds the facts, this only says
 * them, in either language and never more than the tests behind them support — a change between
 * the last two periods is "more than chance explains" only when its p is below 0.05, and
 * otherwise the paragraph says how large a change those periods could have shown. "Fell after"
 * and "risen since" say when, not why.
 */
import type { OverviewStory, StoryChange } from '../engine/overview-story';
import { translate, type Locale } from './messages';

/** The changes told in the paragraph: the most recent few (the trend view lists them all). */
export const TOLD_CHANGES = 3;

const formats = new Map<string, Intl.NumberFormat>();
function number(lang: Locale, value: number, digits: number): string {
  const key = `${lang}|${digits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(value);
}

/** `+12.3` / `−4.0` with a true minus sign, as formatSigned writes it on screen. */
export function signedIn(lang: Locale, value: number, digits = 1): string {
  const text = number(lang, Math.abs(value), digits);
  // A value that rounds to zero gets no sign.
  if (Number(text.replace(/[^\d.]/g, '')) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** `p = 0.639`, `p < 0.001` (or another statistic's name: `q = 0.042`). */
export function pIn(lang: Locale, p: number, name = 'p'): string {
  return p < 0.001 ? `${name} < 0.001` : `${name} = ${number(lang, p, 3)}`;
}

/** The paragraph under the overview's line. */
export function storyParagraph(lang: Locale, story: OverviewStory): string {
  const say = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const latest = story.series[story.latest];
  const [low, high] = latest.ci95 ?? [latest.nps!, latest.nps!];
  const head = { period: latest.period, nps: signedIn(lang, latest.nps!), low: signedIn(lang, low), high: signedIn(lang, high) };
  const sentences: string[] = [];
  const change = story.change;
  if (!change) sentences.push(say('story.latestOnly', head));
  else {
    const basis = { ...head, previous: change.previous.period, p: pIn(lang, change.p), mdd: number(lang, change.mdd ?? 0, 0) };
    const diff = number(lang, Math.abs(change.difference), 1);
    if (Number(diff) === 0 && !change.significant) sentences.push(say('story.changeNone', basis));
    else {
      const direction = say(change.difference > 0 ? 'story.above' : 'story.below');
      const [dlow, dhigh] = change.ci95 ?? [change.difference, change.difference];
      sentences.push(say(change.significant ? 'story.changeReal' : 'story.changeChance', { ...basis, diff, direction, dlow: signedIn(lang, dlow), dhigh: signedIn(lang, dhigh) }));
    }
  }
  const first = story.series[0].period;
  const unit = say(`story.unit.${story.cadence}`);
  if (story.story.steady && story.story.trend) {
    const trend = story.story.trend;
    sentences.push(say(trend.direction === 'down' ? 'story.steadyDown' : 'story.steadyUp', { from: first, slope: number(lang, Math.abs(trend.slope), 1), unit, p: pIn(lang, trend.p) }));
  } else if (story.changes.length === 0) {
    // The change-point search needs four periods (two a side): below that it says nothing.
    if (story.series.length >= 4) sentences.push(say('story.noChange', { from: first }));
  } else {
    const told = story.changes.slice(-TOLD_CHANGES);
    const clauses = told.map((c, k) => clause(lang, c, k === told.length - 1));
    const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(clauses);
    sentences.push(say('overview.storyChanges', { clauses: lang === 'ja' ? clauses.join('、') : list }));
    const earlier = story.changes.length - told.length;
    if (earlier > 0) sentences.push(say('story.earlier', { count: earlier }));
  }
  return sentences.join(lang === 'ja' ? '' : ' ');
}

/** One change: "fell from +4.5 to −3.8 after “Price increase” (2024-04)"; the last one is where the line is now. */
function clause(lang: Locale, c: StoryChange, current: boolean): string {
  const up = c.direction === 'up';
  const params = { from: signedIn(lang, c.from), to: signedIn(lang, c.to), period: c.period, event: c.event?.label ?? '', date: c.event?.date.slice(0, 7) ?? '' };
  if (c.event) return translate(lang, current ? (up ? 'story.risenSince' : 'story.fallenSince') : up ? 'story.roseAfter' : 'story.fellAfter', params);
  return translate(lang, current ? (up ? 'story.risenSinceIn' : 'story.fallenSinceIn') : up ? 'story.roseIn' : 'story.fellIn', params);
}
