/**
 * App updates through the service worker, on the user's terms: a new version waits until
 * the user chooses to reload, and the quiz in progress is saved first.
 */
import { registerSW } from 'virtual:pwa-register';
import { flushBeforeReload } from '../lib/lifecycle';

const checkEveryMs = 60 * 60 * 1000;

class Updates {
  /** A new version is installed and waiting. */
  waiting = $state(false);
  private applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;

  start(): void {
    if (!('serviceWorker' in navigator)) return;
    this.applyUpdate = registerSW({
      onNeedRefresh: () => {
        this.waiting = true;
      },
      onRegisteredSW: (_url, registration) => {
        // Long-open tabs (a shared school PC) still learn of new versions.
        if (registration) setInterval(() => void registration.update().catch(() => undefined), checkEveryMs);
      },
      onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
    });
  }

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
