/** The list of datasets stored in this browser, for the start page. */
import { deleteDataset, listDatasets, renameDataset } from '../db/datasets';
import { versionOf, type DatasetRecord } from '../engine/dataset';
import { loadedDatasets } from './loaded-datasets.svelte';
import { announce, onCrossTab } from './cross-tab';
import { storageNotice, type Notice } from './notice';

export class DatasetList {
  items = $state.raw<DatasetRecord[]>([]);
  loaded = $state(false);
  /** Why the list could not be read, or the last rename or delete was not made. */
  problem = $state<Notice | null>(null);

  async refresh(): Promise<void> {
    try {
      this.items = await listDatasets();
    } catch (error) {
      this.problem = storageNotice(error);
    }
    this.loaded = true;
  }

  /** Keeps the list as stored while other tabs import, rename or delete; returns the unsubscribe. */
  watch(): () => void {
    return onCrossTab((message) => {
      if (message.type !== 'events-changed' && message.type !== 'dictionary-changed') void this.refresh();
    });
  }

  async rename(id: string, name: string): Promise<void> {
    const item = this.items.find((d) => d.id === id);
    try {
      // Renamed from the version listed: a dataset changed in another tab meanwhile is refused,
      // and the list shows what is stored now.
      const renamed = await renameDataset(id, name, undefined, item ? versionOf(item) : undefined);
      this.problem = null;
      const loaded = loadedDatasets.get(id);
      if (loaded) loadedDatasets.update(id, { record: { ...loaded.record, name, updatedAt: renamed.updatedAt, version: renamed.version } });
      announce({ type: 'dataset-changed', id, version: versionOf(renamed) });
    } catch (error) {
      this.problem = storageNotice(error);
    }
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    try {
      await deleteDataset(id);
      this.problem = null;
      loadedDatasets.forget(id);
      announce({ type: 'dataset-deleted', id });
    } catch (error) {
      this.problem = storageNotice(error);
    }
    await this.refresh();
  }
}
