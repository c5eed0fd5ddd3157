/**
 * What the "Your data stays here" page shows and does: the space this site uses, whether the
 * browser promised to keep the data, the Content-Security-Policy in force, and deleting
 * everything. One instance per visit of that page.
 */
import { deleteAllData, storedTotals, type StoredTotals } from '../db/all-data';
import { loadedDatasets } from './loaded-datasets.svelte';
import { announceAllDeleted } from './cross-tab';

export type PersistState = 'persisted' | 'not-persisted' | 'denied' | 'unsupported';

export class DataSafety {
  /** Bytes this origin uses and may use, as the browser estimates them (null: not told). */
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  totals = $state<StoredTotals | null>(null);
  persist = $state<PersistState>('unsupported');
  /** The policy the page runs under, word for word (null only in the dev server). */
  readonly policy: string | null;
  deletion = $state<'idle' | 'deleting' | 'done' | 'failed'>('idle');
  failure = $state<string | null>(null);

  constructor() {
    this.policy = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? null;
  }

  async refresh(): Promise<void> {
    const storage = navigator.storage;
    const [estimate, persisted, totals] = await Promise.all([
      storage?.estimate?.().catch(() => null),
      storage?.persisted?.().catch(() => null),
      storedTotals().catch(() => null),
    ]);
    this.usage = estimate?.usage ?? null;
    this.quota = estimate?.quota ?? null;
    this.totals = totals;
    if (typeof persisted === 'boolean' && this.persist !== 'denied') this.persist = persisted ? 'persisted' : 'not-persisted';
  }

  /** Asks the browser not to clear this site's data when space runs low; it decides. */
  async askToPersist(): Promise<void> {
    const granted = await navigator.storage?.persist?.().catch(() => false);
    this.persist = granted ? 'persisted' : 'denied';
  }

  async deleteAll(): Promise<void> {
    this.deletion = 'deleting';
    try {
      await deleteAllData();
      loadedDatasets.forgetAll();
      announceAllDeleted();
      this.deletion = 'done';
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      this.deletion = 'failed';
    }
    await this.refresh();
  }
}
