/**
 * Tells other tabs of this app on the same device that data changed, so a profile created
 * or a result saved in one tab shows up in another without a reload.
 */
import type { DataStoreName } from './schema';

const channelName = 'chung-tay-data';
type Listener = (store: DataStoreName) => void;

let channel: BroadcastChannel | null = null;
const listeners = new Set<Listener>();
const ownListeners = new Set<Listener>();

function getChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const store = (event.data as { store?: unknown } | null)?.store;
    if (typeof store === 'string') for (const listener of listeners) listener(store as DataStoreName);
  };
  return channel;
}

/** Announce a committed change to the other tabs (this tab updates itself). */
export function announceChange(store: DataStoreName): void {
  for (const listener of ownListeners) listener(store);
  getChannel()?.postMessage({ store });
}

/**
 * Listen for every committed change, this tab's and the other tabs' (for caches of what was
 * read); returns the unsubscribe function.
 */
export function onAnyChange(listener: Listener): () => void {
  ownListeners.add(listener);
  const other = onOtherTabChange(listener);
  return () => {
    ownListeners.delete(listener);
    other();
  };
}

/** Listen for changes made in other tabs; returns the unsubscribe function. */
export function onOtherTabChange(listener: Listener): () => void {
  getChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
