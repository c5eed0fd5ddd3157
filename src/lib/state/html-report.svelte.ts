/**
 * The HTML report of what the open dataset's filter shows (present/html-report.ts), with the
 * events, the dictionary in use and the comments' topics. The report's code is loaded only when
 * asked for; the comments are tagged in the text worker, as for the JSON report.
 */
import { answersKey } from '../engine/answers';
import type { Topic } from '../engine/text/dictionary';
import type { Locale } from '../i18n/messages';
import { loadDictionary } from '../db/dictionary';
import { tagInWorker } from '../workers';
import type { ReportChoices } from '../present/report-figures';
import type { OpenDataset } from './open-dataset.svelte';

export async function makeHtmlReport(dataset: OpenDataset, choices: ReportChoices, lang: Locale): Promise<{ fileName: string; html: string } | null> {
  const { record, table } = dataset;
  if (!record || !table) return null;
  const [{ reportFigures }, { htmlReport }, { DEFAULT_TOPICS }] = await Promise.all([import('../present/report-figures'), import('../present/html-report'), import('../engine/text/dictionary')]);
  const topics: Topic[] = dataset.topics.loaded ? dataset.topics.topics : ((await loadDictionary().catch(() => null)) ?? DEFAULT_TOPICS);
  // The view's tags when they are of these answers; otherwise tagged now (no topic sections if that fails).
  const tags = dataset.tags ?? (await tagInWorker({ comment: table.comment, score: table.score, topics: $state.snapshot(topics) as Topic[], key: answersKey(record) }).then((r) => r.tags, () => null));
  const figures = reportFigures({
    name: record.name,
    files: record.files.map((f) => f.name),
    identity: record.identity,
    hasDates: record.hasDates,
    table,
    segmentColumns: record.segmentColumns,
    query: dataset.query,
    include: dataset.mask,
    counted: dataset.counted,
    events: dataset.events.items,
    tags,
    topics,
  }, choices, lang);
  const now = new Date();
  const madeAt = now.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
  // The file's name says what it is; characters file systems refuse are left out.
  const fileName = `${record.name}-report.html`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
  return { fileName, html: htmlReport(figures, { lang, madeAt }) };
}
