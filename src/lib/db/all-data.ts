/**
 * Everything NPS Lines keeps in this browser, as a whole: what the "Your data stays here" page
 * counts and what its "Delete all data" removes.
 */
import { database, type NpsLinesDatabase } from './database';

export interface StoredTotals {
  datasets: number;
  answers: number;
}

export async function storedTotals(db: NpsLinesDatabase = database()): Promise<StoredTotals> {
  const records = await db.datasets.toArray();
  return { datasets: records.length, answers: records.reduce((sum, r) => sum + r.answerCount, 0) };
}

/**
 * Empties every table in one transaction: either all of it is gone or, if the browser fails half
 * way, nothing is (no dataset left without its answers). The database itself stays, so a tab
 * still open on the app keeps working with an empty store instead of failing to open it.
 */
export async function deleteAllData(db: NpsLinesDatabase = database()): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
