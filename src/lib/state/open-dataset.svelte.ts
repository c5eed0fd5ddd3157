/**
 * The dataset being looked at: its record, its answers (read back from IndexedDB once) and the
 * analyses derived from them.
 */
import { getDataset, loadAnswers } from '../db/datasets';
import type { DatasetRecord } from '../db/database';
import type { AnswerTable } from '../engine/answers';
import { computeOverview } from '../engine/overview';
import { buildReport, type Report } from '../engine/report';
import type { Rejection } from '../ingest/values';

export class OpenDataset {
  record = $state.raw<DatasetRecord | null>(null);
  table = $state.raw<AnswerTable | null>(null);
  status = $state<'loading' | 'ready' | 'missing'>('loading');

  readonly overview = $derived(this.table && this.record ? computeOverview(this.table, this.record.identity) : null);

  async load(id: string): Promise<void> {
    this.status = 'loading';
    const record = await getDataset(id);
    if (!record) {
      this.record = null;
      this.table = null;
      this.status = 'missing';
      return;
    }
    const table = await loadAnswers(record);
    this.record = record;
    this.table = table;
    this.status = 'ready';
  }

  /** The report JSON; rejection reasons are written in the UI's language by `describe`. */
  report(describe: (r: Rejection) => string): Report | null {
    const { record, table } = this;
    if (!record || !table) return null;
    return buildReport({
      name: record.name,
      files: record.files.map((f) => f.name),
      identity: record.identity,
      table,
      rejectedRows: record.rejected.map((r) => ({ file: record.files[r.file]?.name ?? '', row: r.row, reason: describe(r.rejection) })),
    });
  }
}
