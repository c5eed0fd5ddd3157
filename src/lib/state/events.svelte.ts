/** The events of the open dataset: listed, added, edited, deleted, imported from CSV. */
import { deleteEvent, listEvents, saveEvent, saveEvents } from '../db/events';
import type { CompanyEvent } from '../engine/dataset';
import type { ParsedEvent } from '../ingest/events-csv';

export class DatasetEvents {
  items = $state.raw<CompanyEvent[]>([]);
  #datasetId = '';

  async load(datasetId: string): Promise<void> {
    this.#datasetId = datasetId;
    this.items = await listEvents(datasetId);
  }

  async save(event: Omit<CompanyEvent, 'id' | 'datasetId'> & { id?: string }): Promise<void> {
    await saveEvent({ ...event, id: event.id ?? crypto.randomUUID(), datasetId: this.#datasetId });
    await this.load(this.#datasetId);
  }

  async addMany(events: ParsedEvent[]): Promise<void> {
    await saveEvents(events.map((e) => ({ ...e, id: crypto.randomUUID(), datasetId: this.#datasetId })));
    await this.load(this.#datasetId);
  }

  async remove(id: string): Promise<void> {
    await deleteEvent(id);
    await this.load(this.#datasetId);
  }
}
