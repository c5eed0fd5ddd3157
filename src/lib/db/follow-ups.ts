/** Follow-up states and playbooks in IndexedDB. */
import type { FollowUpState } from '../engine/follow-ups';
import { database, type NpsLinesDatabase, type StoredPlaybook } from './database';

/** The stored states of these keys (those never touched are absent). */
export async function loadFollowUps(keys: readonly string[], db: NpsLinesDatabase = database()): Promise<Map<string, FollowUpState>> {
  const found = await db.followUps.bulkGet([...keys]);
  return new Map(found.flatMap((s) => (s ? [[s.key, s] as [string, FollowUpState]] : [])));
}

export async function saveFollowUp(state: FollowUpState, db: NpsLinesDatabase = database()): Promise<void> {
  await db.followUps.put(state);
}

export async function loadPlaybooks(db: NpsLinesDatabase = database()): Promise<StoredPlaybook[]> {
  return db.playbooks.toArray();
}

export async function savePlaybook(playbook: StoredPlaybook, db: NpsLinesDatabase = database()): Promise<void> {
  await db.playbooks.put(playbook);
}

/** Every stored state (for the report's counts). */
export async function allFollowUps(db: NpsLinesDatabase = database()): Promise<Map<string, FollowUpState>> {
  return new Map((await db.followUps.toArray()).map((s) => [s.key, s]));
}
