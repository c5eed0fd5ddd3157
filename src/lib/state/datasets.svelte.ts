/** The list of datasets stored in this browser, for the start page. */
import { deleteDataset, listDatasets, renameDataset } from '../db/datasets';
import type { DatasetRecord } from '../engine/dataset';
import { loadedDatasets } from './loaded-datasets.svelte';

export class DatasetList {
  items = $state.raw<DatasetRecord[]>([]);
  loaded = $state(false);

  async refresh(): Promise<void> {
    this.items = await listDatasets();
    this.loaded = true;
  }

  async rename(id: string, name: string): Promise<void> {
    await renameDataset(id, name);
    const loaded = loadedDatasets.get(id);
    if (loaded) loadedDatasets.update(id, { record: { ...loaded.record, name } });
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    await deleteDataset(id);
    loadedDatasets.forget(id);
    await this.refresh();
  }
}
