/**
 * What this device is used for (its "role"): taking quizzes, running sessions and the action
 * month, or recording a school's coverage. It decides which few links the header shows and
 * what the home screen leads with; every other screen stays one tap away under "More". It is a
 * device setting (one person, or one unit, per device), asked once on the home screen and
 * changed in Settings; a change made in another tab shows here too.
 *
 * Until a role is chosen the app looks as it always did: the full navigation, and a short
 * question at the top of the home screen that never blocks anything.
 */
import { getContext, setContext } from 'svelte';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import {
  activeRoleKey,
  deleteSetting,
  getSetting,
  roleSchema,
  setSetting,
  type Role,
} from '../../lib/storage/settingsStore';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';

export { roles, type Role } from '../../lib/storage/settingsStore';

/** The roles offered on the home screen's question; `all` is offered in Settings only. */
export const chooserRoles = ['learner', 'facilitator', 'school'] as const satisfies readonly Role[];

/** The message keys (shell) of each role's name and one-line hint. */
export const roleMessages: Readonly<Record<Role, { name: string; hint: string }>> = {
  learner: { name: 'role.name.learner', hint: 'role.hint.learner' },
  facilitator: { name: 'role.name.facilitator', hint: 'role.hint.facilitator' },
  school: { name: 'role.name.school', hint: 'role.hint.school' },
  all: { name: 'role.name.all', hint: 'role.hint.all' },
};

export class RoleState {
  /** The stored role, or null while none has been chosen. */
  current = $state<Role | null>(null);
  /** The home screen's question was put off: it stays hidden until the app is started again. */
  deferred = $state(false);
  /** Stops listening to other tabs (the app's one instance never does; tests do). */
  readonly stop: () => void;

  constructor(private readonly db: Database) {
    this.stop = onOtherTabChange((store) => {
      if (store === 'settings') void this.load();
    });
  }

  /** Reads the stored role; a missing or damaged value means none. */
  async load(): Promise<void> {
    this.current = (await getSetting(this.db, activeRoleKey, roleSchema)) ?? null;
  }

  /** Stores `role` for this device; resolves to null once stored, or to why it was not (the role is then unchanged). */
  choose(role: Role): Promise<WriteFailure | null> {
    return tryWrite(async () => {
      await setSetting(this.db, activeRoleKey, role);
      this.current = role;
    });
  }

  /** Forgets the role: the full navigation again, and the question on the next start. */
  clear(): Promise<WriteFailure | null> {
    return tryWrite(async () => {
      await deleteSetting(this.db, activeRoleKey);
      this.current = null;
    });
  }
}

const key = Symbol('chung-tay-role');

/** Makes the app's one `RoleState` available to the shell and the screens (set by the App shell). */
export function provideRoleState(state: RoleState): void {
  setContext(key, state);
}

export function roleState(): RoleState {
  const state = getContext<RoleState | undefined>(key);
  if (!state) throw new Error('roleState() used outside the App shell');
  return state;
}
