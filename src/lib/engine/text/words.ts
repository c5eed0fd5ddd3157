/**
 * Words of comments, for word frequency and keyness: Japanese by tiny-segmenter (the same result
 * in every browser; docs/methods.md §9.3), English by words; stop words, particles and
 * punctuation dropped; splits that break a meaning joined back (使い|やすい, 遅く|ない).
 */
import TinySegmenter from 'tiny-segmenter';
import type { AnswerTable } from '../answers';
import { textAt, textIsEmpty } from '../text-column';
import { isEmptyNormalised, normaliseComment } from './normalise';

const JA_STOP = new Set([
  'は', 'が', 'を', 'に', 'で', 'と', 'の', 'も', 'へ', 'や', 'か', 'な', 'て', 'た', 'だ', 'し', 'ね', 'よ', 'から', 'まで', 'より', 'など',
  'です', 'ます', 'でし', 'まし', 'ませ', 'ん', 'ある', 'あり', 'いる', 'い', 'する', 'さ', 'れ', 'られ', 'こと', 'もの', 'ため', 'よう', 'これ', 'それ',
  'この', 'その', 'また', 'まだ', 'とても', '少し', 'もう', 'ので', 'けど', 'が、', 'ところ', 'ほど', 'という', 'として', 'について', 'なっ', 'なり', 'おり',
  'ください', 'いただき', 'いただけ', '思い', '思う', '感じ', 'でき', 'できる', 'なる', '的', 'なか', 'いませ', 'せん', 'ませ', 'おり', 'てい',
]);
const EN_STOP = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'is', 'are', 'was', 'were', 'be', 'to', 'of', 'in', 'on', 'for', 'with', 'it', 'its', 'this',
  'that', 'we', 'our', 'us', 'i', 'my', 'you', 'your', 'they', 'them', 'very', 'so', 'too', 'as', 'at', 'by', 'from', 'have', 'has', 'had', 'not', 'no',
  'can', 'could', 'would', 'should', 'will', 'just', 'more', 'much', 'than', 'there', 'their', 'what', 'when', 'which', 'do', 'does', 'did', 'been', 'if']);
/** Endings tiny-segmenter splits off that belong to the word before. */
const JOIN_NEXT = /^(やすい|やすく|やすかっ|にくい|にくく|にくかっ|ない|なく|なかっ|たい|づらい|づらく)$/;

/** Only the test the punctuation / stop word rules below use, hoisted out of the loop. */
const PUNCT_DIGITS_SPACE = /^[\p{P}\p{S}\d\s]+$/u;
const ONE_KANA = /^[\p{Script=Hiragana}ー]$/u;

let segmenter: TinySegmenter | null = null;

/**
 * tiny-segmenter with its character-type lookup cached by UTF-16 code unit (it splits the input
 * into code units and tests each against six regexes; the type depends on the unit alone, so the
 * output is the same — measured 1.4× faster on 2,000 comments; docs/methods.md §9.3).
 */
function getSegmenter(): TinySegmenter {
  if (segmenter) return segmenter;
  const seg = new TinySegmenter() as TinySegmenter & { ctype_?: (c: string) => string };
  const lookup = seg.ctype_;
  if (typeof lookup === 'function') {
    const cache: (string | undefined)[] = new Array(65536);
    seg.ctype_ = function cachedCtype(this: unknown, c: string): string {
      const unit = c.charCodeAt(0);
      return (cache[unit] ??= lookup.call(this, c));
    };
  }
  return (segmenter = seg);
}

/**
 * Dictionary keywords tokenise keeps whole inside Japanese text, compiled for a fast
 * leftmost-longest scan: a bitmap of first code units (most characters are rejected by one array
 * read) and, per first unit, the candidates longest first.
 */
export interface KeepWhole {
  /** The words, unique, as given (already normalised). */
  readonly words: readonly string[];
  /** 1 where some word starts with this UTF-16 code unit. */
  readonly first: Uint8Array;
  /** First code unit → words starting with it, longest first. */
  readonly byFirst: ReadonlyMap<number, readonly string[]>;
}

export function compileKeepWhole(words: readonly string[]): KeepWhole {
  const unique = [...new Set(words.filter((w) => w.length > 0))];
  const first = new Uint8Array(65536);
  const byFirst = new Map<number, string[]>();
  for (const w of unique) {
    const c = w.charCodeAt(0);
    first[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(w);
    else byFirst.set(c, [w]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return { words: unique, first, byFirst };
}

const HIRAGANA = /\p{Script=Hiragana}/u;
const PARTICLE = /[がをにはのでともへやか]/;

/**
 * A keep word ending in kana is a stem (動かな, 消え, 問い合わせ) and is a word only where no
 * more kana continue it, or a particle follows: 問い合わせが is kept, 動かない and 消えて are
 * left to the segmenter (kept whole they would cut the word short).
 */
function endsAWord(text: string, word: string, at: number): boolean {
  if (!HIRAGANA.test(word[word.length - 1])) return true;
  const next = text[at + word.length];
  return next === undefined || !HIRAGANA.test(next) || PARTICLE.test(next);
}

/** Pushes a Japanese word unless it is a stop word, punctuation / digits, or a lone kana. */
function pushJa(out: string[], w: string): void {
  if (!w || JA_STOP.has(w) || PUNCT_DIGITS_SPACE.test(w) || ONE_KANA.test(w)) return;
  out.push(w);
}

/** Words of a run of non-English text by tiny-segmenter, endings joined back. */
function segmentInto(out: string[], text: string): void {
  const pieces = getSegmenter().segment(text);
  for (let k = 0; k < pieces.length; k++) {
    let w = pieces[k].trim();
    while (k + 1 < pieces.length && JOIN_NEXT.test(pieces[k + 1])) w += pieces[++k];
    pushJa(out, w);
  }
}

/**
 * Words of a normalised comment. With `keep`, dictionary keywords found in the Japanese text are
 * words of their own even where tiny-segmenter would cut them (月額料金 → 月|額料|金, 大規模障害 →
 * 大規|模障|害): the text between them is segmented as before.
 */
export function tokenise(normalised: string, keep?: KeepWhole): string[] {
  const out: string[] = [];
  const scan = keep !== undefined && keep.words.length > 0;
  // English words and numbers whole; the rest (Japanese) through the segmenter.
  for (const part of normalised.split(/([a-z][a-z'-]*[a-z]|[a-z])/)) {
    if (/^[a-z]/.test(part)) {
      if (part.length > 1 && !EN_STOP.has(part)) out.push(part);
      continue;
    }
    if (!scan) {
      segmentInto(out, part);
      continue;
    }
    // Leftmost-longest keep words; the pieces between them go through the segmenter.
    let start = 0;
    for (let i = 0; i < part.length; ) {
      const candidates = keep.first[part.charCodeAt(i)] ? keep.byFirst.get(part.charCodeAt(i)) : undefined;
      let found: string | undefined;
      if (candidates) for (const w of candidates) if (part.startsWith(w, i) && endsAWord(part, w, i)) { found = w; break; }
      if (found === undefined) {
        i++;
        continue;
      }
      if (i > start) segmentInto(out, part.slice(start, i));
      pushJa(out, found);
      i += found.length;
      start = i;
    }
    if (start < part.length) segmentInto(out, start === 0 ? part : part.slice(start));
  }
  return out;
}

/**
 * Word counts over the answers `include` keeps (1) — optionally only those `pick` selects, with
 * `keep` words kept whole (tokenise).
 */
export function wordCounts(table: AnswerTable, include?: Uint8Array, pick?: (i: number) => boolean, keep?: KeepWhole): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0, len = table.length; i < len; i++) {
    if ((include && !include[i]) || textIsEmpty(table.comment, i) || (pick && !pick(i))) continue;
    const text = normaliseComment(textAt(table.comment, i));
    if (isEmptyNormalised(text)) continue;
    for (const w of tokenise(text, keep)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

export function topWords(counts: ReadonlyMap<string, number>, limit: number): Array<{ word: string; count: number }> {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([word, count]) => ({ word, count }));
}
