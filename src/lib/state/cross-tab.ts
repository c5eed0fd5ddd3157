/**
 * What one tab tells the others of this site about stored data it changed. A tab still showing a
 * dataset would otherwise keep its old copy on screen and write events or edits for a dataset that
 * changed or is gone. (BroadcastChannel reaches every tab of this origin in this browser profile,
 * nothing else.) The storage itself refuses stale writes (db/datasets.ts): these messages only let
 * a tab say so, or refresh, before the person tries.
 */
export type CrossTabMessage =
  | { type: 'all-deleted' }
  /** A dataset was created, appended to, had a file removed or was renamed; `version` is the stored one now. */
  | { type: 'dataset-changed'; id: string; version: number }
  | { type: 'dataset-deleted'; id: string }
  | { type: 'events-changed'; datasetId: string }
  | { type: 'dictionary-changed'; version: number };

import { storageMode } from '../db/database';

const MESSAGE_TYPES = new Set(['all-deleted', 'dataset-changed', 'dataset-deleted', 'events-changed', 'dictionary-changed']);

let channel: BroadcastChannel | null | undefined;
function open(): BroadcastChannel | null {
  if (channel === undefined) {
    try {
      channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('nps-lines');
    } catch {
      // Some browsers refuse a channel where site data is blocked: the tab then works alone.
      channel = null;
    }
  }
  return channel;
}

export function announce(message: CrossTabMessage): void {
  // Each tab's memory is its own: a tab storing nothing has nothing to tell the others.
  if (storageMode() === 'memory') return;
  try {
    open()?.postMessage(message);
  } catch {
    // A closed channel (the page is being unloaded): the other tabs' storage checks still hold.
  }
}

export function announceAllDeleted(): void {
  announce({ type: 'all-deleted' });
}

/** True for a message of ours (another version of the app may say things this one does not know). */
export function isCrossTabMessage(data: unknown): data is CrossTabMessage {
  return typeof data === 'object' && data !== null && MESSAGE_TYPES.has((data as { type?: unknown }).type as string);
}

/** Calls `then` with every message from another tab; returns the unsubscribe. */
export function onCrossTab(then: (message: CrossTabMessage) => void): () => void {
  const listener = (event: MessageEvent<unknown>) => {
    if (storageMode() !== 'memory' && isCrossTabMessage(event.data)) then(event.data);
  };
  const c = open();
  c?.addEventListener('message', listener);
  return () => c?.removeEventListener('message', listener);
}

/** Calls `then` when another tab deleted all data; returns the unsubscribe. */
export function onAllDeleted(then: () => void): () => void {
  return onCrossTab((message) => {
    if (message.type === 'all-deleted') then();
  });
}
