import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RoleState, chooserRoles, roleMessages, roles } from '../../../src/features/settings/role.svelte';
import { navLinks, rolePlaces, splitNavigation } from '../../../src/features/settings/roleNavigation';
import type { Database } from '../../../src/lib/storage/connection';
import { activeRoleKey, getSetting, roleSchema, setSetting } from '../../../src/lib/storage/settingsStore';
import { announceFromOtherTab, failStoreRequests, openTwoTabs } from './tabs';

let tabA: Database;
let tabB: Database;
let close: () => void;
const states: RoleState[] = [];
const roleOf = (db: Database) => {
  const state = new RoleState(db);
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

describe('RoleState', () => {
  test('A new device has no role, so the home screen asks', async () => {
    const role = roleOf(tabA);
    await role.load();
    expect(role.current).toBeNull();
    expect(role.deferred).toBe(false);
  });

  test('A chosen role is stored for the device and is there on the next start', async () => {
    const role = roleOf(tabA);
    await role.load();

    expect(await role.choose('facilitator')).toBeNull();

    expect(role.current).toBe('facilitator');
    expect(await getSetting(tabA, activeRoleKey, roleSchema)).toBe('facilitator');
    const nextStart = roleOf(tabA);
    await nextStart.load();
    expect(nextStart.current).toBe('facilitator');
  });

  test('Clearing the role forgets it: the full navigation, and the question again on the next start', async () => {
    const role = roleOf(tabA);
    await role.choose('school');

    expect(await role.clear()).toBeNull();

    expect(role.current).toBeNull();
    const nextStart = roleOf(tabA);
    await nextStart.load();
    expect(nextStart.current).toBeNull();
  });

  test('A stored value that is not a role is read as no role', async () => {
    await setSetting(tabA, activeRoleKey, 'teacher');
    const role = roleOf(tabA);
    await role.load();
    expect(role.current).toBeNull();
  });

  test('When the disk is full, choosing says so and keeps the role there was', async () => {
    const role = roleOf(tabA);
    await role.choose('learner');
    failStoreRequests(tabA, 'put');

    expect(await role.choose('school')).toBe('full');
    vi.restoreAllMocks();

    expect(role.current).toBe('learner');
    expect(await getSetting(tabA, activeRoleKey, roleSchema)).toBe('learner');
  });

  test('A role chosen in another tab shows here when that tab announces it', async () => {
    const here = roleOf(tabB);
    await here.load();
    const there = roleOf(tabA);

    await there.choose('school');
    expect(here.current).toBeNull();
    announceFromOtherTab('settings');

    await vi.waitFor(() => expect(here.current).toBe('school'));
  });
});

describe('The navigation of each role', () => {
  test('Without a role, or with "everything", every place is a link and nothing is under More', () => {
    for (const role of [null, 'all'] as const) {
      const { shown, more } = splitNavigation(role);
      expect(shown.map((link) => link.place)).toEqual(navLinks.map((link) => link.place));
      expect(more).toEqual([]);
    }
  });

  test('Each role shows its own places in its order, Help among them, and keeps every other place under More', () => {
    for (const role of chooserRoles) {
      const { shown, more } = splitNavigation(role);
      expect(shown.map((link) => link.place)).toEqual(rolePlaces[role]);
      expect(shown.map((link) => link.place)).toContain('help');
      // Every place is reachable exactly once: shown or one tap away.
      expect([...shown, ...more].map((link) => link.place).sort()).toEqual(
        navLinks.map((link) => link.place).sort(),
      );
      expect(shown.length).toBeLessThanOrEqual(5);
    }
  });

  test('Every role’s name and hint, and every line a facilitator’s or a school’s home shows, are in Vietnamese and in English', () => {
    const keys = [
      ...roles.flatMap((role) => [roleMessages[role].name, roleMessages[role].hint]),
      ...[...rolePlaces.facilitator, ...rolePlaces.school]
        .filter((place) => place !== 'help')
        .map((place) => navLinks.find((link) => link.place === place)?.work ?? `(no line for ${place})`),
    ];
    for (const language of ['vi', 'en']) {
      const shell = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../src/lib/i18n/locales/${language}.json`), 'utf8'),
      ) as Record<string, unknown>;
      const message = (key: string) =>
        key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], shell);
      expect(
        keys.filter((key) => typeof message(key) !== 'string'),
        language,
      ).toEqual([]);
    }
  });
});
