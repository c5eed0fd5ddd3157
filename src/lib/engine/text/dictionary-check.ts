/**
 * Whether something read from a file or from storage is a topic dictionary the app can use. A
 * dictionary with two topics of one id, a keyword that is not text or tens of thousands of
 * keywords froze or blanked the Comments view after a reload; it is refused at the door instead,
 * with the reason, and a stored one that fails is set aside for the default.
 */
import type { Topic } from './dictionary';
import { MAX_TOPICS } from './tag';

/** Keywords a topic may have: far above any real one (the default's biggest has ~60). */
export const MAX_KEYWORDS = 500;
/** Characters a keyword may have (the default's longest, a guarded regex fragment, has ~390). */
export const MAX_KEYWORD_LENGTH = 1000;
/** Characters a label may have. */
export const MAX_LABEL_LENGTH = 100;
export const MAX_ID_LENGTH = 100;
/** Bytes a dictionary file may have (the default one is ~8 kB as JSON). */
export const MAX_DICTIONARY_BYTES = 1_000_000;

export type DictionaryProblem =
  | { code: 'not-a-list' }
  | { code: 'too-many-topics'; max: number }
  | { code: 'not-a-topic'; index: number }
  | { code: 'duplicate-id'; id: string }
  | { code: 'bad-label'; id: string }
  | { code: 'too-many-keywords'; id: string; max: number }
  | { code: 'bad-keyword'; id: string };

export type DictionaryCheck = { ok: true; topics: Topic[]; repeatedKeywords: number } | { ok: false; problem: DictionaryProblem };

const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * The dictionary as the app will use it: fresh plain objects with exactly the fields of a Topic
 * (so nothing else stored is carried along), labels trimmed (a missing language takes the other's),
 * a keyword given twice kept once (`repeatedKeywords` counts those dropped).
 */
export function checkDictionary(value: unknown): DictionaryCheck {
  if (!Array.isArray(value)) return { ok: false, problem: { code: 'not-a-list' } };
  if (value.length > MAX_TOPICS) return { ok: false, problem: { code: 'too-many-topics', max: MAX_TOPICS } };
  const ids = new Set<string>();
  const topics: Topic[] = [];
  let repeatedKeywords = 0;
  for (let index = 0; index < value.length; index++) {
    const raw = value[index] as { id?: unknown; label?: unknown; keywords?: unknown; feasibility?: unknown } | null;
    if (!raw || typeof raw !== 'object' || !isText(raw.id) || !raw.id.trim() || raw.id.length > MAX_ID_LENGTH) {
      return { ok: false, problem: { code: 'not-a-topic', index } };
    }
    const id = raw.id;
    if (ids.has(id)) return { ok: false, problem: { code: 'duplicate-id', id } };
    ids.add(id);
    const label = raw.label as { ja?: unknown; en?: unknown } | null;
    const ja = label && typeof label === 'object' && isText(label.ja) ? label.ja.trim() : '';
    const en = label && typeof label === 'object' && isText(label.en) ? label.en.trim() : '';
    if ((!ja && !en) || ja.length > MAX_LABEL_LENGTH || en.length > MAX_LABEL_LENGTH) return { ok: false, problem: { code: 'bad-label', id } };
    if (!Array.isArray(raw.keywords)) return { ok: false, problem: { code: 'bad-keyword', id } };
    if (raw.keywords.length > MAX_KEYWORDS) return { ok: false, problem: { code: 'too-many-keywords', id, max: MAX_KEYWORDS } };
    const keywords: string[] = [];
    const seen = new Set<string>();
    for (const keyword of raw.keywords as unknown[]) {
      if (!isText(keyword) || !keyword.trim() || keyword.length > MAX_KEYWORD_LENGTH) return { ok: false, problem: { code: 'bad-keyword', id } };
      if (seen.has(keyword)) {
        repeatedKeywords++;
        continue;
      }
      seen.add(keyword);
      keywords.push(keyword);
    }
    const topic: Topic = { id, label: { ja: ja || en, en: en || ja }, keywords };
    // Any other feasibility is dropped: it is the user's note, not worth refusing a dictionary for.
    if (raw.feasibility === 'short' || raw.feasibility === 'long') topic.feasibility = raw.feasibility;
    topics.push(topic);
  }
  return { ok: true, topics, repeatedKeywords };
}

/** What a new keyword for `topic` would break, or null when it can be added. */
export function keywordProblem(topic: Topic, keyword: string): 'empty' | 'repeated' | 'too-long' | 'too-many' | null {
  const k = keyword.trim();
  if (!k) return 'empty';
  if (k.length > MAX_KEYWORD_LENGTH) return 'too-long';
  if (topic.keywords.includes(k)) return 'repeated';
  if (topic.keywords.length >= MAX_KEYWORDS) return 'too-many';
  return null;
}
