/**
 * Start-up: language, storage, profiles and the device's role, then the app; the service
 * worker last (once the browser is idle after the first screen), so it never delays the first
 * screen.
 */
import { mount } from 'svelte';
import './app/global.css';
import App from './app/App.svelte';
import { storageStatus } from './app/storageStatus.svelte';
import { ProfilesState } from './features/profiles/profiles.svelte';
import { RoleState } from './features/settings/role.svelte';
import { preloadScreen, screenMessageGroups } from './app/screens';
import { initI18n, loadMessageGroups, translate } from './lib/i18n/i18n';
import { parseRoute } from './lib/routes';
import { connect } from './lib/storage/connection';
import { hasSyncConnection } from './lib/storage/settingsStore';

const target = document.getElementById('app') as HTMLElement;
const i18nReady = initI18n();
// A deep link's screen code starts downloading now, not after storage has opened.
const firstRoute = parseRoute(location.hash);
preloadScreen(firstRoute);
void i18nReady.then(() => loadMessageGroups(screenMessageGroups(firstRoute)));

const connection = await connect({
  onBlocked: () => {
    storageStatus.blockedByOtherTab = true;
    // The app cannot mount until the upgrade goes through: say why in the start-up screen.
    void i18nReady.then(() => {
      target.textContent = translate('storage.blocked');
    });
  },
  onVersionChange: () => {
    storageStatus.replacedByNewerTab = true;
  },
  onClosedByBrowser: () => {
    storageStatus.closedByBrowser = true;
  },
});
storageStatus.blockedByOtherTab = false;
storageStatus.kind = connection.kind;
storageStatus.failure = connection.failure;
storageStatus.vanished = connection.vanished ?? false;

const profiles = new ProfilesState(connection.db);
const role = new RoleState(connection.db);
await Promise.all([i18nReady, profiles.load(), role.load()]);

target.replaceChildren();
mount(App, { target, props: { db: connection.db, profiles, role } });
const registerWhenIdle = () => {
  void import('./app/registerUpdates').then(({ registerUpdates }) => registerUpdates());
  // Sync starts here on a device where it is set up; its code loads only there.
  void hasSyncConnection(connection.db).then(async (set) => {
    if (set) (await import('./features/sync/autostart')).autostart(connection.db);
  });
};
if ('requestIdleCallback' in window) requestIdleCallback(registerWhenIdle, { timeout: 2000 });
else setTimeout(registerWhenIdle, 0);
