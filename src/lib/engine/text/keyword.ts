/**
 * A dictionary or lexicon keyword as a regex source for normalised text (normalise.ts).
 */
import { normaliseKeyword } from './normalise';

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One keyword as a regex source. English keywords (ASCII only) match whole words: `ui` must not
 * match "build", `cost` not "costume". A fragment that does not compile, or that would match an
 * empty string (and so every comment), is taken literally: an editor typo must not tag everything.
 */
export function keywordSource(keyword: string): { source: string; body: string; word: boolean; error?: string } {
  const k = normaliseKeyword(keyword);
  let body = k;
  let error: string | undefined;
  try {
    if (new RegExp(k).test('')) error = 'matches an empty text';
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (error) body = escapeRegex(k);
  if (body === '') return { source: '(?!)', body: '(?!)', word: false, error: error ?? 'empty keyword' };
  const word = ASCII_ONLY.test(k);
  const source = word ? `${/^[a-z0-9_]/.test(body) ? '\\b' : '(?<![a-z0-9_])'}(?:${body})(?![a-z0-9_])` : body;
  return { source, body, word, ...(error ? { error } : {}) };
}

