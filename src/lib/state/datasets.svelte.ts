/** The list of datasets stored in this browser, for the start page. */
import { deleteDataset, listDatasets, renameDataset } from '../db/datasets';
import type { DatasetRecord } from '../db/database';

export class DatasetList {
  items = $state.raw<DatasetRecord[]>([]);
  loaded = $state(false);

  async refresh(): Promise<void> {
    this.items = await listDatasets();
    this.loaded = true;
  }

  async rename(id: string, name: string): Promise<void> {
    await renameDataset(id, name);
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    await deleteDataset(id);
    await this.refresh();
  }
}
