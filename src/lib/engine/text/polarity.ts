/**
 * Polarity of a topic mention, read from the clause around its keyword.
 *
 * The rules (docs/methods.md §8.2–§8.3, with worked examples):
 * 1. Clauses split on sentence ends and contrast markers, so 「機能は良いが価格が高い」 is + for
 *    機能 and − for 価格.
 * 2. Lexicon words (lexicon.ts) add ±1; a negation right after a Japanese word (遅く|ない,
 *    不満は|ありません) or within three words before an English one ("not slow") flips it.
 * 3. Requests count −2 and are never flipped: asking for a change is a complaint.
 * 4. 高い / 低い depend on the aspect: next to money they mean expensive / cheap.
 * 5. A topic named as missing (連携ができない, "no integration") counts −1.
 * 6. A clause without any of these falls back to the answer's category: promoters' mentions
 *    are positive, detractors' negative, passives' neutral.
 */
import { HIGH, LOW, NEGATIVE, POSITIVE, PRICE_CONTEXT, REQUEST } from './lexicon';
import { keywordSource } from './keyword';
import { categoryIndex } from '../nps';
import { MAX_AT_ONE_POSITION, skippable, TrieIndex, type ScanEntry } from './scan';

export type Polarity = 'positive' | 'negative' | 'neutral';

type Kind = 'break' | 'request' | 'positive' | 'negative' | 'high' | 'low';
const KIND_CODE: Record<Kind, number> = { break: 5, request: 0, positive: 1, negative: 2, high: 3, low: 4 };
const BREAK = 5;

/** Clause breaks: sentence ends and contrast markers. */
const BREAKS: readonly string[] = [
  '[。!?\\n;]+',
  '\\.(?!\\d)',
  'が[、,]',
  // が after a predicate (良いが, 便利ですが, あるが) is "but"; after a noun it marks the subject.
  'が(?<=[いたすだる]が)(?<!(?:扱|違|使|問|伺|払|伝|合|遣|従|狙|向|揃|思|願|争|戦|迷|誘|救|祝|舞|商|占|装)いが)(?<!さすが)',
  'けれども', 'けれど', 'けど', 'しかし', 'ものの', '反面', 'とはいえ', 'にもかかわらず', '一方(?!的)で?',
  'ただし?(?<=(?:^|[。!?、,\\s])ただし?)(?![いのち])', 'でも(?<=(?:^|[。!?、,\\s])でも)',
  '\\b(?:but|however|although|though|whereas|except)\\b', ',\\s*yet\\b',
];

/**
 * Breaks and lexicon words in one trie, read in one pass per comment. Order matters: at one
 * position the entry listed first wins — a break before any word, then the groups of lexicon.ts.
 */
const KINDS: Array<[Kind, readonly string[]]> = [['break', BREAKS], ['request', REQUEST], ['positive', POSITIVE], ['negative', NEGATIVE], ['high', HIGH], ['low', LOW]];
const ENTRIES = KINDS.flatMap(([kind, entries]) => entries.map((e) => ({ kind: KIND_CODE[kind], ...(kind === 'break' ? { source: e } : keywordSource(e)) })));
/** The reader's entries, for tries that also hold a dictionary's keywords (topics.ts). */
export const READER_ENTRIES: readonly ScanEntry[] = ENTRIES;
/** The kind of each of READER_ENTRIES (as LexiconHits stores it). */
export const READER_KIND = Int32Array.from(ENTRIES, (e) => e.kind);
const READER = new TrieIndex(ENTRIES);

const matchEntry = new Int32Array(MAX_AT_ONE_POSITION);
const matchEnd = new Int32Array(MAX_AT_ONE_POSITION);

/**
 * The match at `i` that a regex alternation of the index's entries would give: the entry
 * listed first, and of its forms the longest. Returns its end (−1: none) and sets `bestEntry`.
 */
let bestEntry = -1;
function firstEntryAt(index: TrieIndex, text: string, i: number): number {
  const n = index.matchAt(text, i, matchEntry, matchEnd);
  if (n === 0) return -1;
  let best = 0;
  for (let k = 1; k < n; k++) {
    if (matchEntry[k] < matchEntry[best] || (matchEntry[k] === matchEntry[best] && matchEnd[k] > matchEnd[best])) best = k;
  }
  bestEntry = matchEntry[best];
  return matchEnd[best];
}

/**
 * The clauses of a text whose breaks are among `hits` (scanLexicon): writes start/end pairs
 * into `out` (grown when needed) and returns the number of clauses.
 */
export function clausesOf(hits: LexiconHits, length: number, out: { bounds: Int32Array }): number {
  let count = 0;
  let from = 0;
  for (let k = 0; k <= hits.count; k++) {
    if (k < hits.count && hits.kind[k] !== BREAK) continue;
    if (out.bounds.length < 2 * count + 2) {
      const grown = new Int32Array(out.bounds.length * 2 + 8);
      grown.set(out.bounds);
      out.bounds = grown;
    }
    out.bounds[2 * count] = from;
    out.bounds[2 * count + 1] = k < hits.count ? hits.start[k] : length;
    count++;
    if (k < hits.count) from = hits.end[k];
  }
  return count;
}

let splitHits: LexiconHits | undefined;

/** Splits `text` into clauses (see clausesOf). */
export function splitClauses(text: string, out: { bounds: Int32Array }): number {
  splitHits ??= new LexiconHits();
  scanLexicon(text, splitHits);
  return clausesOf(splitHits, text.length, out);
}

const clauseBounds = { bounds: new Int32Array(16) };

/** Start and end of the clause holding [start, end) (a break inside the keyword is ignored). */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  const count = splitClauses(text, clauseBounds);
  const b = clauseBounds.bounds;
  let c = 0;
  while (c + 1 < count && b[2 * c + 2] <= start) c++;
  let to = b[2 * c + 1];
  for (let d = c + 1; to < end && d < count; d++) to = b[2 * d + 1];
  return { start: b[2 * c], end: to };
}

/** Negation after a Japanese word: 遅く|ない, 不満は|ありません, 便利だと|思わない, 迷わ|ず. */
const NEG_TAIL = new RegExp(
  '^[ぁ-ゖー思感言]{0,10}?(?:ない|無い|なかっ|なく|無く|なし|無し|ません|ず(?![っつか]))' +
    // 不具合が少ない, エラーが減った: less of a bad thing.
    '|^[がはもを]?(?:少な|減っ|減り|減る|減少)',
);
/** …but not 「安いだけでなく」 ("not only cheap"). */
const NOT_ONLY_TAIL = /^[ぁ-ゖ]{0,3}(?:だけ|のみ|ばかり)(?:で|じゃ)?なく/;
/** Negation before an English word: "not slow", "isn't easy", "never crashes", "no longer slow". */
const NEG_BEFORE = new RegExp(
  "(?:^|[^a-z'])(?:not|no|never|without|hardly|barely|nothing|cannot|[a-z]+n't" +
    // Contractions typed without the apostrophe (dont, isnt), but not every word ending in -nt.
    '|(?:do|does|did|is|was|are|were|ca|wo|could|should|would|have|has|had|ai)nt)' +
    "\\s+(?:[a-z'-]+\\s+){0,2}$",
);
const NOT_ONLY_BEFORE = /\bnot only\s+(?:[a-z'-]+\s+){0,2}$/;
/** The topic named as missing or wanted: 連携ができない, 機能が足りない, サポートの返信がない. */
const ABSENT_AFTER = new RegExp(
  '^(?:[^。、!?\\s]{0,6}?[がはもを])?(?:全く|まったく|全然|あまり|ほとんど|特に|まだ)?' +
    '(?:ない|無い|なく|無く|なし|無し|ありません|でき(?:ない|なかっ|ません|ず)|使えな|足りな|少な|不足|(?:欲|ほ)し)',
);
/** The same in English: "no integration", "missing features", "doesn't have an API". */
const ABSENT_BEFORE = new RegExp(
  '\\b(?:no|without|lack of|lacks|lacking|missing|need|needs|want|wish for' +
    "|(?:doesn't|does not|don't|do not|didn't|did not) (?:have|offer|support))" +
    '\\s+(?:(?:a|an|any|the|good|proper|real|native|decent)\\s+)?$',
);

/**
 * The lexicon words of one text, leftmost first, in reusable typed arrays: the tagger scans a
 * million comments, and an object per word was a fifth of its time in garbage collection.
 */
export class LexiconHits {
  start: Int32Array = new Int32Array(32);
  end: Int32Array = new Int32Array(32);
  kind: Int32Array = new Int32Array(32);
  count = 0;

  push(start: number, end: number, kind: number): void {
    if (this.count === this.start.length) {
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.kind = grow(this.kind);
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.kind[this.count++] = kind;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Finds the clause breaks and lexicon words of `text` (a whole comment or a clause) into `hits`. */
export function scanLexicon(text: string, hits: LexiconHits): void {
  hits.count = 0;
  for (let i = 0; i < text.length; i++) {
    if (skippable(READER, text, i)) continue;
    const end = firstEntryAt(READER, text, i);
    if (end < 0) continue;
    hits.push(i, end, READER_KIND[bestEntry]);
    // A word's text is not read again as another word (「不安定」 is not also 「安定」).
    i = end - 1;
  }
}

/** Whether the word at [start, end) is negated, looking no further than [from, to). */
function negated(text: string, start: number, end: number, from: number, to: number): boolean {
  if (text.charCodeAt(start) < 0x80) {
    const before = text.slice(Math.max(from, start - 40), start);
    return NEG_BEFORE.test(before) && !NOT_ONLY_BEFORE.test(before);
  }
  const tail = text.slice(end, Math.min(to, end + 14));
  return NEG_TAIL.test(tail) && !NOT_ONLY_TAIL.test(tail);
}

/**
 * The sum of the polarity words of the clause [from, to) of `text` for a mention of `topicId`
 * whose keyword stands at [kwStart, kwEnd) (−1 when unknown): > 0 positive, < 0 negative, 0
 * nothing said. `hits` are the lexicon words of the whole text (scanLexicon).
 */
export function scoreClause(text: string, hits: LexiconHits, from: number, to: number, topicId: string, kwStart = -1, kwEnd = -1): number {
  let money: boolean | undefined;
  let sum = 0;
  let keywordIsWord = false;
  // The absence rule reads only up to the next word (「料金に特に不満はない」 is about 不満).
  let nextWord = to;
  let first = 0;
  while (first < hits.count && hits.start[first] < from) first++;
  let last = first;
  while (last < hits.count && hits.end[last] <= to) last++;
  for (let i = first; i < last; i++) {
    const kind = hits.kind[i];
    if (kind === BREAK) continue;
    if (hits.start[i] < kwEnd && hits.end[i] > kwStart) keywordIsWord = true;
    else if (hits.start[i] >= kwEnd && hits.start[i] < nextWord) nextWord = hits.start[i];
    if (kind === 0) {
      sum -= 2;
      continue;
    }
    let value = kind === 1 ? 1 : kind === 2 ? -1 : 0;
    if (value === 0) {
      money ??= topicId === 'price' || PRICE_CONTEXT.test(text.slice(from, to));
      value = (kind === 3) === money ? -1 : 1;
    }
    // Negation is looked for only between this word and its neighbours, so "no problems and
    // great support" does not read "great" as negated.
    if (negated(text, hits.start[i], hits.end[i], i > first ? hits.end[i - 1] : from, i + 1 < last ? hits.start[i + 1] : to)) value = -value;
    sum += value;
  }
  if (kwStart >= 0 && !keywordIsWord) {
    // An English keyword may stand in Japanese text (Slack連携ができない): then both sides count.
    const absent = ABSENT_AFTER.test(text.slice(kwEnd, Math.min(nextWord, kwEnd + 16))) ||
      (text.charCodeAt(kwStart) < 0x80 && ABSENT_BEFORE.test(text.slice(Math.max(from, kwStart - 40), kwStart)));
    if (absent) sum -= 1;
  }
  return sum;
}

let clauseHits: LexiconHits | undefined;

/**
 * The sum of a clause's polarity words for a mention of `topicId` (> 0 positive, < 0 negative,
 * 0 nothing said). `at` is where the topic's keyword stands in the clause, for rule 5.
 */
export function clauseScore(clause: string, topicId: string, at?: { start: number; end: number }): number {
  clauseHits ??= new LexiconHits();
  scanLexicon(clause, clauseHits);
  return scoreClause(clause, clauseHits, 0, clause.length, topicId, at?.start ?? -1, at?.end ?? -1);
}

const CATEGORY_POLARITY: readonly Polarity[] = ['negative', 'neutral', 'positive'];

/** The category's polarity: what a mention means when its clause says nothing either way. */
export function categoryPolarity(score: number): Polarity {
  return CATEGORY_POLARITY[categoryIndex(score)];
}

/**
 * Polarity of one mention: its clause's words, else the answer's category (promoter → positive,
 * detractor → negative, passive → neutral).
 */
export function mentionPolarity(clause: string, topicId: string, score: number, at?: { start: number; end: number }): Polarity {
  const sum = clauseScore(clause, topicId, at);
  return sum > 0 ? 'positive' : sum < 0 ? 'negative' : categoryPolarity(score);
}
