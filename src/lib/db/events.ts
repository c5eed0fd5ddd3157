/**
 * Company events (releases, price changes, outages…) of a dataset. A write is refused when the
 * dataset was deleted meanwhile (an event must not outlive its dataset), and an edit when the
 * event itself was deleted in another tab (it would come back).
 */
import { database, type NpsLinesDatabase } from './database';
import { type CompanyEvent } from '../engine/dataset';
import { StorageError } from './storage-error';
import { validEvents } from './validate';

/** The dataset's events, by date; stored events the app cannot read are counted in `skipped`. */
export async function readEvents(datasetId: string, db: NpsLinesDatabase = database()): Promise<{ events: CompanyEvent[]; skipped: number }> {
  const stored: unknown[] = await db.events.where('datasetId').equals(datasetId).toArray();
  const { events, skipped } = validEvents(stored);
  return { events: events.sort((a, b) => a.date.localeCompare(b.date)), skipped };
}

export async function listEvents(datasetId: string, db: NpsLinesDatabase = database()): Promise<CompanyEvent[]> {
  return (await readEvents(datasetId, db)).events;
}

async function datasetExists(db: NpsLinesDatabase, datasetId: string): Promise<void> {
  if (!(await db.datasets.get(datasetId))) throw new StorageError('deleted', `dataset ${datasetId} no longer exists`);
}

/** Adds (`isNew`) or replaces an event. */
export async function saveEvent(event: CompanyEvent, db: NpsLinesDatabase = database(), isNew = false): Promise<void> {
  await db.transaction('rw', db.datasets, db.events, async () => {
    await datasetExists(db, event.datasetId);
    if (!isNew && !(await db.events.get(event.id))) throw new StorageError('event-gone', `event ${event.id} no longer exists`);
    await db.events.put(event);
  });
}

export async function saveEvents(events: CompanyEvent[], db: NpsLinesDatabase = database()): Promise<void> {
  await db.transaction('rw', db.datasets, db.events, async () => {
    for (const id of new Set(events.map((e) => e.datasetId))) await datasetExists(db, id);
    await db.events.bulkPut(events);
  });
}

/** Deletes an event; one already deleted (in another tab) is not an error: it is gone either way. */
export async function deleteEvent(id: string, db: NpsLinesDatabase = database()): Promise<void> {
  await db.events.delete(id);
}
