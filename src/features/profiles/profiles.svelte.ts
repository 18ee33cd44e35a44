/**
 * The learner profiles of this device and which one is in use. Profiles created or
 * deleted in another tab show up here too.
 */
import * as z from 'zod/mini';
import type { ProfileInput } from '../../lib/domain/profile';
import type { Profile } from '../../lib/domain/profile.schema';
import { onOtherTabChange } from '../../lib/storage/changes';
import { requestPersistence, type Database } from '../../lib/storage/connection';
import { deleteProfile, listProfiles, saveProfile } from '../../lib/storage/profileStore';
import { deleteSetting, getSetting, setSetting } from '../../lib/storage/settingsStore';

const activeKey = 'activeProfileId';

export class ProfilesState {
  list = $state<Profile[]>([]);
  activeId = $state<string | null>(null);
  active = $derived(this.list.find((p) => p.id === this.activeId) ?? null);

  constructor(private readonly db: Database) {
    onOtherTabChange((store) => {
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

  /** Creates and selects a profile. The input must have passed `checkProfileInput`. */
  async create(input: ProfileInput): Promise<Profile> {
    const group = input.group.trim();
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
    return profile;
  }

  async select(id: string): Promise<void> {
    this.activeId = id;
    await setSetting(this.db, activeKey, id);
  }

  async remove(id: string): Promise<void> {
    await deleteProfile(this.db, id);
    if (this.activeId === id) {
      this.activeId = null;
      await deleteSetting(this.db, activeKey);
    }
    this.list = await listProfiles(this.db);
  }
}
