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

const arrivalListeners = new Set<Listener>();

/**
 * Announce records that arrived in the background (a sync's pull) to this tab's views and to
 * the other tabs. Unlike `announceChange` it does not reach `onAnyChange` here, so what a sync
 * writes never sets off another sync.
 */
export function announceArrival(store: DataStoreName): void {
  for (const listener of arrivalListeners) listener(store);
  getChannel()?.postMessage({ store });
}

/** Listen for records arriving in this tab's background; returns the unsubscribe function. */
export function onArrival(listener: Listener): () => void {
  arrivalListeners.add(listener);
  return () => arrivalListeners.delete(listener);
}

/** Listen for changes made in other tabs; returns the unsubscribe function. */
export function onOtherTabChange(listener: Listener): () => void {
  getChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
