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

  later(): void {
    this.waiting = false;
  }
}

export const updates = new Updates();
