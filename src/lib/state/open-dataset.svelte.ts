/**
 * The dataset being looked at: its record, its answers (from memory when just imported, else
 * read back from IndexedDB once) and the analyses derived from them.
 */
import { getDataset, loadAnswers, replaceAnswers } from '../db/datasets';
import { computeOverview } from '../engine/overview';
import type { Report, ReportEvent } from '../engine/report';
import type { Topic } from '../engine/text/dictionary';
import { withoutFile } from '../engine/files';
import { filterMask } from '../engine/filters';
import { wavesOf } from '../engine/waves';
import { filterOf, parseViewQuery, type ViewQuery } from './view-query';
import { encodeCustomers } from '../engine/customers';
import type { Rejection } from '../engine/dataset';
import { loadedDatasets } from './loaded-datasets.svelte';
import { tagInWorker } from '../workers';
import { answersKey } from '../engine/answers';

export class OpenDataset {
  id = $state('');
  status = $state<'loading' | 'ready' | 'missing'>('loading');

  readonly entry = $derived(this.id ? loadedDatasets.get(this.id) : undefined);
  readonly record = $derived(this.entry?.record ?? null);
  readonly table = $derived(this.entry?.table ?? null);
  readonly identity = $derived(this.entry?.record.identity ?? null);
  readonly segmentColumns = $derived(this.entry?.record.segmentColumns ?? []);
  /** Wave labels in order of their earliest answer. */
  readonly waves = $derived(this.table ? wavesOf(this.table) : []);
  /** The view settings of the URL (filters, period…), set by the dataset layout. */
  query = $state.raw<ViewQuery>(parseViewQuery(''));
  readonly filter = $derived(filterOf(this.query));
  /** Which answers the filter keeps (undefined: all). */
  readonly mask = $derived(this.table ? filterMask(this.table, this.segmentColumns, this.filter) : undefined);
  // Depends on the answers, the identity and the filter only, not on the save state or name.
  readonly overview = $derived(this.table ? computeOverview(this.table, this.identity, this.mask) : null);

  async load(id: string): Promise<void> {
    this.id = id;
    if (loadedDatasets.get(id)) {
      this.status = 'ready';
      return;
    }
    this.status = 'loading';
    const record = await getDataset(id);
    if (!record) {
      this.status = 'missing';
      return;
    }
    const table = await loadAnswers(record);
    loadedDatasets.set(id, { record, table, save: 'saved', failure: null });
    if (this.id === id) this.status = 'ready';
  }

  /** Removes one file's answers and rejected rows from the dataset, in memory and in storage. */
  async removeFile(fileIndex: number): Promise<void> {
    const entry = this.entry;
    if (!entry || entry.save === 'saving') return;
    const { record, table } = entry;
    const next = {
      ...record,
      files: record.files.filter((_, i) => i !== fileIndex),
      rejected: record.rejected.filter((r) => r.file !== fileIndex).map((r) => (r.file > fileIndex ? { ...r, file: r.file - 1 } : r)),
    };
    const remaining = withoutFile(table, fileIndex);
    // Stored codes follow first appearance; re-encode so a later append agrees with them.
    remaining.customer = encodeCustomers(remaining, record.identity);
    const stored = await replaceAnswers(next, remaining);
    loadedDatasets.set(record.id, { record: stored, table: remaining, save: 'saved', failure: null });
  }

  /** The report JSON; rejection reasons are written in the UI's language by `describe`. */
  async report(describe: (r: Rejection) => string, events: ReportEvent[] = [], lang: 'ja' | 'en' = 'ja', topics?: Topic[]): Promise<Report | null> {
    const { record, table } = this;
    if (!record || !table) return null;
    // Loaded on demand: the report pulls in the transition and comment engines, which the
    // overview does not need, so they stay out of the code the start page preloads.
    const [{ buildReport }, { DEFAULT_TOPICS }] = await Promise.all([import('../engine/report'), import('../engine/text/dictionary')]);
    const dictionary = topics ?? DEFAULT_TOPICS;
    // Comments are tagged in the text worker: reading a million of them here would freeze the page.
    const tags = await tagInWorker({ comment: table.comment, score: table.score, topics: dictionary, key: answersKey(record) }).then((r) => r.tags, () => undefined);
    return buildReport({
      name: record.name,
      files: record.files.map((f) => f.name),
      identity: record.identity,
      table,
      rejectedRows: record.rejected.map((r) => ({ file: record.files[r.file]?.name ?? '', row: r.row, reason: describe(r.rejection) })),
      segmentColumns: record.segmentColumns,
      events,
      lang,
      topics: dictionary,
      tags,
    });
  }
}
