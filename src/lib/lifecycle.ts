/**
 * Work that must finish before the page goes away on purpose (applying an app update):
 * for example saving the quiz in progress with its clock. Closing the tab is covered
 * separately by saving on every answer and when the page is hidden.
 */
type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

export function onBeforeReload(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function flushBeforeReload(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}
