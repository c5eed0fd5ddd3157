/**
 * The follow-up states of the answers a list shows, and the team's playbooks: read from IndexedDB
 * for the keys on screen, written one edit at a time. A save that fails puts the row back as it
 * was and says so — an edit never looks applied when it is not stored.
 */
import { allFollowUps, loadFollowUps, loadPlaybooks, saveFollowUp, savePlaybook } from '../db/follow-ups';
import type { StoredPlaybook } from '../db/database';
import type { FollowUpState } from '../engine/follow-ups';

/**
 * From this many keys every stored state is read at once: a request per key (bulkGet) took ~90 ms
 * of the page for a million answers' follow-up list of thousands, and a team stores far fewer
 * states than a wave lists answers.
 */
const READ_ALL_FROM = 500;

export class FollowUpBook {
  states = $state.raw(new Map<string, FollowUpState>());
  /**
   * The states the list is ordered and filtered by: those read from storage, and edits only when
   * the person asks for the list again (another group, wave, filter or order). A row does not jump
   * away from under the pointer while its status, owner or due date is being edited.
   */
  ordering = $state.raw(new Map<string, FollowUpState>());
  playbooks = $state.raw(new Map<StoredPlaybook['id'], string>());
  failure = $state<string | null>(null);
  #loaded = new Set<string>();
  /** Every stored state has been read. */
  #all = false;

  /** Reads the states of keys not read yet (a list shown again costs nothing). */
  async load(keys: readonly string[]): Promise<void> {
    if (this.#all) return;
    // A long list (a wave of a million answers lists tens of thousands): every stored state at
    // once, and no key remembered one by one (hashing them all took ~15 ms of the page).
    const all = keys.length >= READ_ALL_FROM;
    const missing = all ? [] : keys.filter((k) => !this.#loaded.has(k));
    if (!all && !missing.length) return;
    for (const k of missing) this.#loaded.add(k);
    this.#all = all;
    const found = await (all ? allFollowUps() : loadFollowUps(missing)).catch(() => new Map<string, FollowUpState>());
    if (!found.size) return;
    this.states = new Map([...this.states, ...found]);
    this.ordering = new Map([...this.ordering, ...found]);
  }

  /** Orders the list by every state as it is now (the person asked for the list again). */
  reorder(): void {
    this.ordering = this.states;
  }

  async loadPlaybooks(): Promise<void> {
    const stored = await loadPlaybooks().catch(() => []);
    this.playbooks = new Map(stored.map((p) => [p.id, p.text]));
  }

  /** Applies a change to one follow-up at once on screen, then stores it (or takes it back). */
  async update(key: string, change: Partial<Omit<FollowUpState, 'key' | 'updatedAt'>>): Promise<void> {
    const before = this.states.get(key);
    const next: FollowUpState = { key, status: 'new', owner: '', due: '', notes: '', ...before, ...change, updatedAt: Date.now() };
    this.states = new Map(this.states).set(key, next);
    try {
      await saveFollowUp(next);
      this.failure = null;
    } catch (error) {
      const back = new Map(this.states);
      if (before) back.set(key, before);
      else back.delete(key);
      this.states = back;
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  async savePlaybook(id: StoredPlaybook['id'], text: string): Promise<void> {
    const before = this.playbooks.get(id);
    this.playbooks = new Map(this.playbooks).set(id, text);
    try {
      await savePlaybook({ id, text, savedAt: Date.now() });
      this.failure = null;
    } catch (error) {
      const back = new Map(this.playbooks);
      if (before === undefined) back.delete(id);
      else back.set(id, before);
      this.playbooks = back;
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }
}
