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

export function foldWithOrigins(text: string): { folded: string; origin: Int32Array } {
  let folded = '';
  const origins: number[] = [];
  for (let i = 0; i < text.length; ) {
    let end = i + 1;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && end < text.length) end++;
    while (end < text.length && isVoicedMark(text.charCodeAt(end))) end++;
    const piece = text.slice(i, end).normalize('NFKC').toLowerCase();
    folded += piece;
    for (let k = 0; k < piece.length; k++) origins.push(i);
    i = end;
  }
  origins.push(text.length);
  return { folded, origin: Int32Array.from(origins) };
}

/**
 * Spans of `text` matched by any of `patterns` (applied to the folded text) or containing
 * `needle` (folded the same way), merged and in order.
 */
export function highlightSpans(text: string, needle: string, patterns: readonly RegExp[] = []): Span[] {
  if (!needle && patterns.length === 0) return [];
  const { folded, origin } = foldWithOrigins(text);
  const found: Span[] = [];
  const toOriginal = (from: number, to: number) => {
    // The end maps through the last matched character's piece: a folded piece never splits.
    const start = origin[from];
    let end = origin[to];
    if (to > from && end <= start) end = origin[to - 1] + 1;
    found.push({ start, end: Math.max(end, start + 1) });
  };
  const n = needle.normalize('NFKC').toLowerCase().trim();
  if (n) for (let k = folded.indexOf(n); k !== -1; k = folded.indexOf(n, k + n.length)) toOriginal(k, k + n.length);
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of folded.matchAll(global)) if (m[0].length) toOriginal(m.index, m.index + m[0].length);
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
    const span = highlightSpans(text, '', [pattern])[0];
    if (!span) continue;
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
