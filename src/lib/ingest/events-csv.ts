/**
 * Events from a small CSV — `date,label,kind[,segment]`, headers in English or Japanese (日付,
 * 内容/イベント, 種類) — with the rows that could not be read and why.
 */
import Papa from 'papaparse';
import { parseDate } from './values';
import { dayToIso } from '../engine/days';

export type EventKindName = 'release' | 'pricing' | 'support' | 'incident' | 'campaign' | 'other';

export interface ParsedEvent {
  date: string;
  label: string;
  kind: EventKindName;
  segment?: string;
}

const KIND_WORDS: Array<[RegExp, EventKindName]> = [
  [/release|launch|feature|リリース|機能|新機能/i, 'release'],
  [/pric|price|値上げ|値下げ|料金|価格/i, 'pricing'],
  [/support|サポート|窓口/i, 'support'],
  [/incident|outage|障害|停止|不具合/i, 'incident'],
  [/campaign|キャンペーン|施策/i, 'campaign'],
];

export function kindOf(raw: string): EventKindName {
  return KIND_WORDS.find(([re]) => re.test(raw))?.[1] ?? 'other';
}

export function parseEventsCsv(text: string): { events: ParsedEvent[]; problems: Array<{ row: number; value: string }> } {
  const records = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const find = (re: RegExp, fallback: number) => {
    const i = header.findIndex((h) => re.test(h));
    return i >= 0 ? i : fallback;
  };
  const dateCol = find(/date|日付|日時/, 0), labelCol = find(/label|event|name|title|内容|イベント|名称/, 1), kindCol = find(/kind|type|種類|区分/, 2);
  const segmentCol = header.findIndex((h) => /segment|セグメント|対象/.test(h));
  const events: ParsedEvent[] = [];
  const problems: Array<{ row: number; value: string }> = [];
  records.slice(1).forEach((r, i) => {
    const date = parseDate((r[dateCol] ?? '').trim());
    const label = (r[labelCol] ?? '').trim();
    if (!date || !label) {
      problems.push({ row: i + 2, value: (r[dateCol] ?? '').trim() });
      return;
    }
    const segment = segmentCol >= 0 ? (r[segmentCol] ?? '').trim() : '';
    events.push({ date: dayToIso(date.day), label, kind: kindOf(r[kindCol] ?? ''), ...(segment ? { segment } : {}) });
  });
  return { events, problems };
}
