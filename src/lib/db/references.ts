/** The reference lines (targets, industry figures) of a dataset's trend. */
import { database, type NpsLinesDatabase } from './database';
import type { ReferenceLine } from '../engine/references';

/** A dataset's lines, targets first, then by value. */
export async function listReferenceLines(datasetId: string, db: NpsLinesDatabase = database()): Promise<ReferenceLine[]> {
  const lines = await db.referenceLines.where('datasetId').equals(datasetId).toArray();
  return lines.sort((a, b) => (a.kind === b.kind ? b.value - a.value : a.kind === 'target' ? -1 : 1));
}

export async function saveReferenceLine(line: ReferenceLine, db: NpsLinesDatabase = database()): Promise<void> {
  await db.referenceLines.put(line);
}

export async function deleteReferenceLine(id: string, db: NpsLinesDatabase = database()): Promise<void> {
  await db.referenceLines.delete(id);
}
