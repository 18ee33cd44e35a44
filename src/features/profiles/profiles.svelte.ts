/**
 * The learner profiles of this device and which one is in use. Profiles created or
 * deleted in another tab show up here too. Writes resolve to the failure to show (a full
 * disk, or any other refusal) rather than throwing, so a form keeps what was typed.
 */
import * as z from 'zod/mini';
import type { ProfileInput } from '../../lib/domain/profile';
import type { Profile } from '../../lib/domain/profile.schema';
import { onOtherTabChange } from '../../lib/storage/changes';
import { requestPersistence, type Database } from '../../lib/storage/connection';
import { deleteProfile, listProfiles, saveProfile } from '../../lib/storage/profileStore';
import {
  activeProfileKey as activeKey,
  deleteSetting,
  getSetting,
  setSetting,
} from '../../lib/storage/settingsStore';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';

export class ProfilesState {
  list = $state<Profile[]>([]);
  activeId = $state<string | null>(null);
  active = $derived(this.list.find((p) => p.id === this.activeId) ?? null);
  /** Stops listening to other tabs (the app's one instance never does; tests do). */
  readonly stop: () => void;

  constructor(private readonly db: Database) {
    this.stop = onOtherTabChange((store) => {
      if (store === 'profiles') void this.refresh();
    });
  }

  async load(): Promise<void> {
    await this.refresh();
    const saved = await getSetting(this.db, activeKey, z.string());
    if (saved && this.list.some((p) => p.id === saved)) this.activeId = saved;
    else if (this.list.length === 1) this.activeId = this.list[0]?.id ?? null;
  }

  private async refresh(): Promise<void> {
    this.list = await listProfiles(this.db);
    if (this.activeId && !this.list.some((p) => p.id === this.activeId)) this.activeId = null;
  }

  /**
   * Creates and selects a profile; resolves to null once stored, or to why it was not. The
   * input must have passed `checkProfileInput`.
   */
  async create(input: ProfileInput): Promise<WriteFailure | null> {
    const group = input.group.trim();
    return tryWrite(async () => {
      const profile = await saveProfile(this.db, {
        id: crypto.randomUUID(),
        nickname: input.nickname.trim(),
        ...(group ? { group } : {}),
        createdAt: new Date().toISOString(),
      });
      this.list = await listProfiles(this.db);
      await this.select(profile.id);
      // A learner now has something worth keeping: ask the browser not to evict it.
      void requestPersistence();
    });
  }

  async select(id: string): Promise<void> {
    this.activeId = id;
    await setSetting(this.db, activeKey, id);
  }

  /** Deletes a profile with its results; resolves to null once done, or to why it was not. */
  remove(id: string): Promise<WriteFailure | null> {
    return tryWrite(async () => {
      await deleteProfile(this.db, id);
      if (this.activeId === id) {
        this.activeId = null;
        await deleteSetting(this.db, activeKey);
      }
      this.list = await listProfiles(this.db);
    });
  }

  /**
   * How many results a profile has (what deleting it would lose). The attempts' store loads
   * only when asked: the first screen does not need it.
   */
  async resultCount(id: string): Promise<number> {
    const { countAttempts } = await import('../../lib/storage/attemptStore');
    return countAttempts(this.db, id);
  }
}
