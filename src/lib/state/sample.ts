/** The built-in sample: generated in the page, imported through the normal pipeline once. */
import { listDatasets } from '../db/datasets';
import { SAMPLE_EVENTS, SAMPLE_FILE_NAME, sampleCsv } from '../engine/sample';
import { saveEvents } from '../db/events';
import type { ImportSession } from './import-session.svelte';

export async function openSample(session: ImportSession, name: string, lang: 'ja' | 'en'): Promise<string | null> {
  const existing = (await listDatasets()).find((d) => d.sample);
  if (existing) return existing.id;
  await session.choose([new File([sampleCsv()], SAMPLE_FILE_NAME, { type: 'text/csv' })]);
  session.name = name;
  const id = await session.confirm({ sample: true });
  // The sample ships with the company's events, so the trend shows what preceded each change.
  // After the answers are stored: an event is only stored beside a stored dataset (db/events.ts).
  if (id && (await session.stored?.then(() => true, () => false))) {
    await saveEvents(SAMPLE_EVENTS.map((e) => ({ id: crypto.randomUUID(), datasetId: id, date: e.date, label: e.label[lang], kind: e.kind })));
  }
  return id;
}
