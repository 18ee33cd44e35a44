/**
 * App updates through the service worker, on the user's terms: a new version waits until
 * the user chooses to reload, and the quiz in progress is saved first. This is the state the
 * prompt reads; the registration itself (`registerUpdates.ts`) loads after the first screen.
 */
import { flushBeforeReload } from '../lib/lifecycle';

class Updates {
  /** A new version is installed and waiting. */
  waiting = $state(false);
  /** Set by the registration: hands control to the waiting version (which reloads the page). */
  applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;

  async reload(): Promise<void> {
    await flushBeforeReload();
    const registration = await navigator.serviceWorker.getRegistration();
    // The waiting version takes over and the page reloads when it does; if it already took
    // over (no page was under the old one's control), a plain reload shows it.
    if (registration?.waiting && this.applyUpdate) await this.applyUpdate(true);
    else location.reload();
  }

  /** The waiting version the user put off, so a repeated notice of it stays hidden. */
  #putOff: ServiceWorker | null = null;
  #found: ServiceWorker | null = null;

  /**
   * A version is waiting. The registration may report the same one more than once (workbox
   * sends "installed" and then "waiting"); one the user already put off is not shown again,
   * a newer one is.
   */
  found(worker: ServiceWorker | null): void {
    if (worker && worker === this.#putOff) return;
    this.#found = worker;
    this.waiting = true;
  }

  later(): void {
    this.#putOff = this.#found;
    this.waiting = false;
  }
}

export const updates = new Updates();
