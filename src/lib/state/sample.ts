/** The built-in sample: generated in the page, imported through the normal pipeline once. */
import { listDatasets } from '../db/datasets';
import { SAMPLE_FILE_NAME, sampleCsv } from '../engine/sample';
import type { ImportSession } from './import-session.svelte';

export async function openSample(session: ImportSession, name: string): Promise<string | null> {
  const existing = (await listDatasets()).find((d) => d.sample);
  if (existing) return existing.id;
  await session.choose([new File([sampleCsv()], SAMPLE_FILE_NAME, { type: 'text/csv' })]);
  session.name = name;
  return session.confirm({ sample: true });
}
