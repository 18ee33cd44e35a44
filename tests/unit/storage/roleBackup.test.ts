import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { checkBackup, makeBackup, restoreBackup } from '../../../src/lib/storage/backup';
import { isKnownSetting } from '../../../src/lib/storage/backupCheck';
import { openDatabase } from '../../../src/lib/storage/connection';
import { latestVersion } from '../../../src/lib/storage/migrations';
import {
  activeRoleKey,
  getSetting,
  roleSchema,
  roles,
  setSetting,
} from '../../../src/lib/storage/settingsStore';
import { databaseFromFixture } from './fixtureDatabase';

const now = new Date('2027-07-02T03:00:00Z');

describe('The device’s role in a backup', () => {
  test('The role is a setting the app writes, so a restore may bring it back', () => {
    expect(isKnownSetting(activeRoleKey)).toBe(true);
  });

  test('A backup of a device with a role restores the role on another device', async () => {
    const source = await openDatabase({ factory: await databaseFromFixture(latestVersion) });
    await setSetting(source, activeRoleKey, 'school');
    const backup = await makeBackup(source, now);

    const checked = checkBackup(JSON.stringify(backup));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const target = await openDatabase({ factory: new IDBFactory() });
    await restoreBackup(target, checked.backup);

    expect(await getSetting(target, activeRoleKey, roleSchema)).toBe('school');
    source.close();
    target.close();
  });

  test('Every role passes the restore’s check, and a value that is not a role is refused', async () => {
    const source = await openDatabase({ factory: await databaseFromFixture(latestVersion) });
    const backup = await makeBackup(source, now);
    source.close();
    const settings = backup.stores.settings ?? [];
    const withRole = (value: unknown) =>
      JSON.stringify({
        ...backup,
        stores: { ...backup.stores, settings: [...settings, { key: activeRoleKey, value }] },
      });

    for (const role of roles) expect(checkBackup(withRole(role)).ok, role).toBe(true);
    const refused = checkBackup(withRole('teacher'));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems).toEqual([
      { kind: 'bad-records', store: 'settings', count: 1, first: settings.length + 1 },
    ]);
  });
});
