/** Company events (releases, price changes, outages…) of a dataset. */
import { database, type NpsLinesDatabase } from './database';
import { type CompanyEvent } from '../engine/dataset';

export async function listEvents(datasetId: string, db: NpsLinesDatabase = database()): Promise<CompanyEvent[]> {
  const events = await db.events.where('datasetId').equals(datasetId).toArray();
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

export async function saveEvent(event: CompanyEvent, db: NpsLinesDatabase = database()): Promise<void> {
  await db.events.put(event);
}

export async function saveEvents(events: CompanyEvent[], db: NpsLinesDatabase = database()): Promise<void> {
  await db.events.bulkPut(events);
}

export async function deleteEvent(id: string, db: NpsLinesDatabase = database()): Promise<void> {
  await db.events.delete(id);
}
