/**
 * What one tab tells the others of this site: all data was deleted. A tab still showing a dataset
 * would otherwise keep its copy on screen and write events or edits for a dataset that is gone.
 * (BroadcastChannel reaches every tab of this origin in this browser profile, nothing else.)
 */
type Message = { type: 'all-deleted' };

const channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('nps-lines');

export function announceAllDeleted(): void {
  channel?.postMessage({ type: 'all-deleted' } satisfies Message);
}

/** Calls `then` when another tab deleted all data; returns the unsubscribe. */
export function onAllDeleted(then: () => void): () => void {
  const listener = (event: MessageEvent<Message>) => {
    if (event.data?.type === 'all-deleted') then();
  };
  channel?.addEventListener('message', listener);
  return () => channel?.removeEventListener('message', listener);
}
