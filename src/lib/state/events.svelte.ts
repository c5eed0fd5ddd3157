/**
 * The events of the open dataset: listed, added, edited, deleted, imported from CSV. The list on
 * screen is always the stored one: a write that fails leaves it as it was and says why (`problem`),
 * and other tabs are told of every change so their lists follow.
 */
import { deleteEvent, readEvents, saveEvent, saveEvents } from '../db/events';
import type { CompanyEvent } from '../engine/dataset';
import type { ParsedEvent } from '../ingest/events-csv';
import { announce } from './cross-tab';
import { storageNotice, type Notice } from './notice';

export class DatasetEvents {
  items = $state.raw<CompanyEvent[]>([]);
  /** Stored events that could not be read (and are not drawn). */
  skipped = $state(0);
  /** Why the last change was not saved (null when it was). */
  problem = $state<Notice | null>(null);
  #datasetId = '';

  async load(datasetId: string): Promise<void> {
    this.#datasetId = datasetId;
    try {
      const { events, skipped } = await readEvents(datasetId);
      if (this.#datasetId !== datasetId) return;
      this.items = events;
      this.skipped = skipped;
    } catch (error) {
      if (this.#datasetId === datasetId) this.problem = storageNotice(error);
    }
  }

  /** Runs a write; resolves to whether it was stored. The list is read back either way. */
  async #write(write: () => Promise<void>): Promise<boolean> {
    const datasetId = this.#datasetId;
    let ok = true;
    try {
      await write();
      this.problem = null;
      announce({ type: 'events-changed', datasetId });
    } catch (error) {
      ok = false;
      this.problem = storageNotice(error);
    }
    await this.load(datasetId);
    return ok;
  }

  save(event: Omit<CompanyEvent, 'id' | 'datasetId'> & { id?: string }): Promise<boolean> {
    const isNew = !event.id;
    return this.#write(() => saveEvent({ ...event, id: event.id ?? crypto.randomUUID(), datasetId: this.#datasetId }, undefined, isNew));
  }

  addMany(events: ParsedEvent[]): Promise<boolean> {
    return this.#write(() => saveEvents(events.map((e) => ({ ...e, id: crypto.randomUUID(), datasetId: this.#datasetId }))));
  }

  remove(id: string): Promise<boolean> {
    return this.#write(() => deleteEvent(id));
  }
}
