/**
 * Where to mark a comment as it was written: spans of the original text that a search term or a
 * topic's keywords match once folded. Matching runs on folded text (NFKC, lower case, as
 * normalise.ts does) but marks must land on what the person typed, whose length may differ
 * (ｻﾎﾟｰﾄ is 5 characters, サポート 4) — so the text is folded piece by piece with a map back.
 */
import { textAt, textIsEmpty, type TextColumn } from '../text-column';
import { normaliseComment } from './normalise';

export interface Span {
  start: number;
  end: number;
}

/** Half-width voiced sound marks fold together with the kana before them (ﾎﾟ → ポ). */
const isVoicedMark = (c: number) => c === 0xff9e || c === 0xff9f;
const isKatakana = (c: number) => c >= 0x30a1 && c <= 0x30fa;
const LONG_VOWEL = 0x30fc;
const DASH = /[-\u2010-\u2015\u2212]/;
const SPACE = /[ \t\u3000\u00a0\r\n]/;

/**
 * The comment folded as normaliseComment folds it (NFKC, lower case, a dash after katakana read
 * as ー, a word-final ー dropped, 〜 as ~, typographic apostrophes, runs of white space as one), with
 * for every folded character the span of the original it came from: `origin[k]` its start,
 * `originEnd[k]` its end. Folded piece by piece, so a mark can always be mapped back.
 */
export function foldWithOrigins(text: string): { folded: string; origin: Int32Array; originEnd: Int32Array } {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    let end = i + 1;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && end < text.length) end++;
    while (end < text.length && isVoicedMark(text.charCodeAt(end))) end++;
    let piece = text.slice(i, end).normalize('NFKC').toLowerCase();
    if (piece === '\u301c') piece = '~';
    else if (piece === '\u2018' || piece === '\u2019') piece = "'";
    for (const ch of piece) {
      const last = chars.length - 1;
      if (SPACE.test(ch)) {
        // One space for a run of white space (a line break is kept as a break).
        const breaks = ch === '\n' || ch === '\r';
        if (last >= 0 && SPACE.test(chars[last])) {
          if (breaks) chars[last] = '\n';
          ends[last] = end;
          continue;
        }
        chars.push(breaks ? '\n' : ' ');
      } else if (DASH.test(ch) && last >= 0 && (isKatakana(chars[last].charCodeAt(0)) || chars[last].charCodeAt(0) === LONG_VOWEL)) {
        chars.push('\u30fc');
      } else chars.push(ch);
      starts.push(i);
      ends.push(end);
    }
    i = end;
  }
  // A long vowel mark ending a katakana word is dropped (サーバー ≡ サーバ).
  const keep = chars.map((ch, k) => {
    if (ch.charCodeAt(0) !== LONG_VOWEL) return true;
    let j = k;
    while (j < chars.length && chars[j].charCodeAt(0) === LONG_VOWEL) j++;
    let b = k - 1;
    while (b >= 0 && chars[b].charCodeAt(0) === LONG_VOWEL) b--;
    const afterKatakana = b >= 0 && isKatakana(chars[b].charCodeAt(0));
    const wordGoesOn = j < chars.length && (isKatakana(chars[j].charCodeAt(0)));
    return !(afterKatakana && !wordGoesOn);
  });
  let folded = '';
  const origin: number[] = [], originEnd: number[] = [];
  chars.forEach((ch, k) => {
    if (!keep[k]) {
      // A dropped word-final ー still belongs to its word: a mark of the word takes it in.
      if (originEnd.length) originEnd[originEnd.length - 1] = ends[k];
      return;
    }
    folded += ch;
    for (let u = 0; u < ch.length; u++) {
      origin.push(starts[k]);
      originEnd.push(ends[k]);
    }
  });
  origin.push(text.length);
  originEnd.push(text.length);
  return { folded, origin: Int32Array.from(origin), originEnd: Int32Array.from(originEnd) };
}

/**
 * Where a search term is found in folded text: Japanese (anything not plain ASCII) as a
 * substring; an English term at the start of a word ("art" finds "article", not "start").
 */
export function searchPattern(needle: string): RegExp | null {
  // Folded like the comments, so サーバー finds サーバ and ｻｰﾊﾞｰ.
  const n = normaliseComment(needle);
  if (!n) return null;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /^[\x00-\x7f]+$/.test(n) && /^[a-z0-9]/.test(n) ? new RegExp(`(?<![a-z0-9])${escaped}`, 'g') : new RegExp(escaped, 'g');
}

/**
 * Spans of `text` matched by any of `patterns` (applied to the folded text) or by the search
 * `needle` (searchPattern), merged and in order.
 */
export function highlightSpans(text: string, needle: string, patterns: readonly RegExp[] = []): Span[] {
  const search = searchPattern(needle);
  if (!search && patterns.length === 0) return [];
  const { folded, origin, originEnd } = foldWithOrigins(text);
  const found: Span[] = [];
  for (const pattern of search ? [search, ...patterns] : patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of folded.matchAll(global)) {
      if (!m[0].length) continue;
      // A match covers whole original pieces: from the first one's start to the last one's end.
      found.push({ start: origin[m.index], end: originEnd[m.index + m[0].length - 1] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of found) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** The text cut at the spans, for rendering marks as text (never as markup). */
export function cutAt(text: string, spans: readonly Span[]): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), hit: false });
    out.push({ text: text.slice(s.start, s.end), hit: true });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), hit: false });
  return out;
}

export interface ContextLine {
  /** The answer the comment belongs to. */
  answer: number;
  before: string;
  match: string;
  after: string;
}

/**
 * Keyword in context: the first `limit` comments (newest first, i.e. from the end of the table)
 * that `pattern` matches, each cut to `width` characters either side of its first match, as
 * typed. The test runs on the normalised comment (as tagging does); only hits are folded again
 * to find where the match sits in the original.
 */
export function keywordInContext(comment: TextColumn, pattern: RegExp, limit = 6, width = 24, include?: Uint8Array): ContextLine[] {
  const out: ContextLine[] = [];
  const n = comment.ends.length;
  for (let i = n - 1; i >= 0 && out.length < limit; i--) {
    if ((include && !include[i]) || textIsEmpty(comment, i)) continue;
    const text = textAt(comment, i);
    if (!pattern.test(normaliseComment(text))) continue;
    // Tagging found it; should the marks miss it (a folding not mapped back), show the start.
    const span = highlightSpans(text, '', [pattern])[0] ?? { start: 0, end: 0 };
    const from = Math.max(0, span.start - width), to = Math.min(text.length, span.end + width);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    out.push({
      answer: i,
      before: (from > 0 ? '…' : '') + flat(text.slice(from, span.start)),
      match: text.slice(span.start, span.end),
      after: flat(text.slice(span.end, to)) + (to < text.length ? '…' : ''),
    });
  }
  return out;
}
