/**
 * Adding a file about the accounts to the open dataset: read it, show what each column was taken
 * for (the person can change it), what it would join, then store it with the dataset (an outcomes
 * file replaces the earlier outcomes file, a list of the invited the earlier list).
 */
import { AccountFileError, planAccountFile, readAccountFile, withRole, type AccountFilePlan, type AccountFileRole } from '../ingest/account-file';
import type { AccountFacts, InvitationList } from '../engine/account-files';
import type { Notice } from './notice';
import type { OpenDataset } from './open-dataset.svelte';

export class AccountFileSession {
  plan = $state.raw<AccountFilePlan | null>(null);
  problem = $state<Notice | null>(null);
  busy = $state(false);
  #bytes: Uint8Array | null = null;

  /** What the file gives as the plan reads it now (null without an account column). */
  readonly read = $derived.by((): { outcomes?: AccountFacts; invited?: InvitationList } | null => {
    if (!this.plan || !this.#bytes || !this.plan.roles.includes('account')) return null;
    try {
      return readAccountFile(this.#bytes, this.plan, Date.now());
    } catch {
      return null;
    }
  });

  async choose(file: File): Promise<void> {
    this.reset();
    this.busy = true;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const plan = planAccountFile(bytes, file.name);
      this.#bytes = bytes;
      this.plan = plan;
    } catch (error) {
      this.problem = error instanceof AccountFileError
        ? { key: `accountFile.error.${error.problem}`, params: { file: file.name } }
        : { key: 'error.unreadable', params: { file: file.name, message: String(error) } };
    } finally {
      this.busy = false;
    }
  }

  setRole(column: number, role: AccountFileRole): void {
    if (this.plan) this.plan = withRole(this.plan, column, role);
  }

  /** Stores what the file gives with the dataset; false (with a notice on the dataset) when refused. */
  async join(dataset: OpenDataset): Promise<boolean> {
    const read = this.read;
    if (!read || !this.plan) {
      if (this.plan) this.problem = { key: 'accountFile.error.no-account', params: { file: this.plan.name } };
      return false;
    }
    this.busy = true;
    const stored = await dataset.updateSettings(read);
    this.busy = false;
    if (stored) this.reset();
    return stored;
  }

  reset(): void {
    this.plan = null;
    this.problem = null;
    this.#bytes = null;
  }
}
