/** Column mappings remembered per form, so next month's export of the same form needs no clicks. */
import { database, type NpsLinesDatabase, type RememberedMapping } from './database';
import { validMapping } from './validate';

/**
 * The mapping remembered for a form: `found` is false when none is stored, `mapping` null when
 * the stored one cannot be used (it is then ignored: the detected roles stand).
 */
export async function readMapping(signature: string, db: NpsLinesDatabase = database()): Promise<{ found: boolean; mapping: RememberedMapping | null }> {
  const stored: unknown = await db.mappings.get(signature);
  return stored === undefined ? { found: false, mapping: null } : { found: true, mapping: validMapping(stored) };
}

export async function findMapping(signature: string, db: NpsLinesDatabase = database()): Promise<RememberedMapping | undefined> {
  return (await readMapping(signature, db)).mapping ?? undefined;
}

export async function rememberMapping(mapping: RememberedMapping, db: NpsLinesDatabase = database()): Promise<void> {
  const valid = validMapping(mapping);
  if (!valid) throw new RangeError('not a column mapping');
  await db.mappings.put(valid);
}
