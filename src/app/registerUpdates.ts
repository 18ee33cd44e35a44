/**
 * Registers the service worker (offline use, updates) once the first screen is up, so it
 * never delays it, and reports a waiting version to `updates`.
 */
import { registerSW } from 'virtual:pwa-register';
import { updates } from './updates.svelte';

const checkEveryMs = 60 * 60 * 1000;

export function registerUpdates(): void {
  if (!('serviceWorker' in navigator)) return;
  updates.applyUpdate = registerSW({
    onNeedRefresh: () => {
      void navigator.serviceWorker
        .getRegistration()
        .then((registration) => updates.found(registration?.waiting ?? null))
        .catch(() => updates.found(null));
    },
    onRegisteredSW: (_url, registration) => {
      // Long-open tabs (a shared school PC) still learn of new versions.
      if (registration) setInterval(() => void registration.update().catch(() => undefined), checkEveryMs);
    },
    onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
  });
}
