/** The reference lines of the open dataset's trend: listed, added, deleted. */
import { deleteReferenceLine, listReferenceLines, saveReferenceLine } from '../db/references';
import type { ReferenceLine } from '../engine/references';

export class DatasetReferences {
  items = $state.raw<ReferenceLine[]>([]);
  #datasetId = '';

  async load(datasetId: string): Promise<void> {
    this.#datasetId = datasetId;
    const items = await listReferenceLines(datasetId);
    // A slow read of the previous dataset must not overwrite the lines of the one now open.
    if (this.#datasetId === datasetId) this.items = items;
  }

  async add(line: Omit<ReferenceLine, 'id' | 'datasetId'>): Promise<void> {
    await saveReferenceLine({ ...line, id: crypto.randomUUID(), datasetId: this.#datasetId });
    await this.load(this.#datasetId);
  }

  async remove(id: string): Promise<void> {
    await deleteReferenceLine(id);
    await this.load(this.#datasetId);
  }
}
