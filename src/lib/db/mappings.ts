/** Column mappings remembered per form, so next month's export of the same form needs no clicks. */
import { database, type NpsLinesDatabase, type RememberedMapping } from './database';

export async function findMapping(signature: string, db: NpsLinesDatabase = database()): Promise<RememberedMapping | undefined> {
  return db.mappings.get(signature);
}

export async function rememberMapping(mapping: RememberedMapping, db: NpsLinesDatabase = database()): Promise<void> {
  await db.mappings.put(mapping);
}
