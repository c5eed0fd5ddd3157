/**
 * Words of comments, for word frequency and keyness: Japanese by tiny-segmenter (the same result
 * in every browser; ../shared/reference/japanese-text.md), English by words; stop words, particles
 * and punctuation dropped; splits that break a meaning joined back (使い|やすい, 遅く|ない).
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

let segmenter: TinySegmenter | null = null;

export function tokenise(normalised: string): string[] {
  segmenter ??= new TinySegmenter();
  const out: string[] = [];
  // English words and numbers whole; the rest (Japanese) through the segmenter.
  for (const part of normalised.split(/([a-z][a-z'-]*[a-z]|[a-z])/)) {
    if (/^[a-z]/.test(part)) {
      if (part.length > 1 && !EN_STOP.has(part)) out.push(part);
      continue;
    }
    const pieces = segmenter.segment(part);
    for (let k = 0; k < pieces.length; k++) {
      let w = pieces[k].trim();
      while (k + 1 < pieces.length && JOIN_NEXT.test(pieces[k + 1])) w += pieces[++k];
      if (!w || JA_STOP.has(w) || /^[\p{P}\p{S}\d\s]+$/u.test(w) || /^[\p{Script=Hiragana}ー]$/u.test(w)) continue;
      out.push(w);
    }
  }
  return out;
}

/** Word counts over the answers `include` keeps (1) — optionally only those `pick` selects. */
export function wordCounts(table: AnswerTable, include?: Uint8Array, pick?: (i: number) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < table.length; i++) {
    if ((include && !include[i]) || textIsEmpty(table.comment, i) || (pick && !pick(i))) continue;
    const text = normaliseComment(textAt(table.comment, i));
    if (isEmptyNormalised(text)) continue;
    for (const w of tokenise(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

export function topWords(counts: ReadonlyMap<string, number>, limit: number): Array<{ word: string; count: number }> {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([word, count]) => ({ word, count }));
}
