import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ProfilesState } from '../../../src/features/profiles/profiles.svelte';
import { saveFinishedAttempt } from '../../../src/lib/storage/attemptStore';
import type { Database } from '../../../src/lib/storage/connection';
import { listProfiles, saveProfile } from '../../../src/lib/storage/profileStore';
import { makeAttempt, makeProfile } from '../../builders';
import { announceFromOtherTab, failStoreRequests, openTwoTabs } from './tabs';

let tabA: Database;
let tabB: Database;
let close: () => void;
const states: ProfilesState[] = [];
const profilesOf = (db: Database) => {
  const state = new ProfilesState(db);
  states.push(state);
  return state;
};

beforeEach(async () => {
  ({ tabA, tabB, close } = await openTwoTabs());
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const state of states.splice(0)) state.stop();
  close();
});

describe('ProfilesState', () => {
  test('Creating a profile stores it, lists it and puts it in use, and is remembered on the next start', async () => {
    const profiles = profilesOf(tabA);
    await profiles.load();

    expect(await profiles.create({ nickname: '  Lan ', group: ' 8A ' })).toBeNull();

    expect(profiles.list.map((p) => [p.nickname, p.group])).toEqual([['Lan', '8A']]);
    expect(profiles.active?.nickname).toBe('Lan');
    const nextStart = profilesOf(tabA);
    await nextStart.load();
    expect(nextStart.active?.nickname).toBe('Lan');
  });

  test('With one profile and none chosen, that profile is put in use on start', async () => {
    await saveProfile(tabA, makeProfile({ nickname: 'Minh' }));
    const profiles = profilesOf(tabA);
    await profiles.load();
    expect(profiles.active?.nickname).toBe('Minh');
  });

  test('When the disk is full, creating a profile says so and stores nothing', async () => {
    const profiles = profilesOf(tabA);
    await profiles.load();
    failStoreRequests(tabA, 'put');

    expect(await profiles.create({ nickname: 'Lan', group: '' })).toBe('full');
    vi.restoreAllMocks();

    expect(profiles.list).toEqual([]);
    expect(profiles.active).toBeNull();
    expect(await listProfiles(tabA)).toEqual([]);
  });

  test('Deleting the profile in use deletes its results, and none is in use after', async () => {
    const profiles = profilesOf(tabA);
    await profiles.load();
    await profiles.create({ nickname: 'Lan', group: '' });
    const lan = profiles.active!;
    await saveFinishedAttempt(tabA, makeAttempt({ profileId: lan.id }));
    expect(await profiles.resultCount(lan.id)).toBe(1);

    expect(await profiles.remove(lan.id)).toBeNull();

    expect(profiles.list).toEqual([]);
    expect(profiles.active).toBeNull();
    expect(await profiles.resultCount(lan.id)).toBe(0);
  });

  test('A deletion the browser refuses is reported and keeps the profile', async () => {
    const profiles = profilesOf(tabA);
    await profiles.load();
    await profiles.create({ nickname: 'Lan', group: '' });
    failStoreRequests(tabA, 'delete', 'DataError');

    expect(await profiles.remove(profiles.active!.id)).toBe('failed');
    vi.restoreAllMocks();

    expect(profiles.list.map((p) => p.nickname)).toEqual(['Lan']);
    expect(await listProfiles(tabA)).toHaveLength(1);
  });

  test('A profile created in another tab shows up here when that tab announces it', async () => {
    const here = profilesOf(tabB);
    await here.load();
    const there = profilesOf(tabA);
    await there.load();

    await there.create({ nickname: 'Sơn', group: '' });
    expect(here.list).toEqual([]);
    announceFromOtherTab('profiles');

    await vi.waitFor(() => expect(here.list.map((p) => p.nickname)).toEqual(['Sơn']));
  });

  test('The profile in use here is dropped when another tab deletes it', async () => {
    const there = profilesOf(tabA);
    await there.load();
    await there.create({ nickname: 'Lan', group: '' });
    const here = profilesOf(tabB);
    await here.load();
    expect(here.active?.nickname).toBe('Lan');

    await there.remove(there.active!.id);
    announceFromOtherTab('profiles');

    await vi.waitFor(() => expect(here.list).toEqual([]));
    expect(here.active).toBeNull();
  });
});
