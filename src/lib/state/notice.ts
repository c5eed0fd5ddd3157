/**
 * A sentence for the person, kept as its key and parameters so it follows the UI's language when
 * it is switched while the sentence is on screen.
 */
import type { MessageKey } from '../i18n/en';
import type { MessageParams } from '../i18n/messages';
import { t } from '../i18n/locale.svelte';
import { storageMessageKey, storageProblem, type StorageProblem } from '../db/storage-error';

export interface Notice {
  key: MessageKey;
  params?: MessageParams;
  /** A sentence before it: what was being done (e.g. the import was not stored). */
  lead?: MessageKey;
}

/** The notice in the UI's language (reactive in templates: t reads the current language). */
export function noticeText(notice: Notice): string {
  return (notice.lead ? `${t(notice.lead)} ` : '') + t(notice.key, notice.params);
}

/** What a failed write tells the person: what went wrong and what to do, from the error's problem. */
export function storageNotice(error: unknown, lead?: MessageKey): Notice & { problem: StorageProblem } {
  const problem = storageProblem(error);
  // The browser's (or Dexie's) own words, without the links some of them carry: they are English
  // whatever the UI's language and lead away from the page.
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(?(see )?https?:\/\/\S+/gi, '').trim();
  return { key: storageMessageKey(problem), params: { message }, problem, ...(lead ? { lead } : {}) };
}
