import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CampaignData, type CampaignClock } from '../../../src/features/campaigns/campaignData.svelte';
import {
  emptyCampaignInput,
  emptyLogInput,
  type CampaignInput,
  type PlannedInput,
} from '../../../src/lib/domain/campaign';
import { listCampaigns } from '../../../src/lib/storage/campaignStore';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { listEntries, saveEntry } from '../../../src/lib/storage/ledgerStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { makeCampaignActivity, makeUnit } from '../../builders';

/** Fixed times and predictable ids, so records can be compared whole. */
function fixedClock(at = '2027-06-10T02:00:00.000Z'): CampaignClock & { set: (iso: string) => void } {
  let now = new Date(at);
  let counter = 0;
  return {
    now: () => now,
    newId: () => `00000000-0000-4000-9000-${(++counter).toString(16).padStart(12, '0')}`,
    set: (iso) => (now = new Date(iso)),
  };
}

function setupInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    ...emptyCampaignInput(2027),
    unitName: 'UBND phường Võ Cường',
    theme: 'Chung tay vì phường Võ Cường không ma túy',
    recipient: 'Ban Chỉ đạo thành phố Bắc Ninh',
    ...overrides,
  };
}

function plannedInput(overrides: Partial<PlannedInput> = {}): PlannedInput {
  return {
    template: 'launch',
    title: 'Lễ phát động',
    date: '2027-06-02',
    owner: '',
    target: '',
    ...overrides,
  };
}

/** Makes the next writes of `store` find the disk full. */
function fillDisk(db: Database, store: string): void {
  const prototype = Object.getPrototypeOf(db.transaction('campaigns').store) as {
    put: (this: { name: string }, ...args: unknown[]) => unknown;
    delete: (this: { name: string }, ...args: unknown[]) => unknown;
  };
  for (const method of ['put', 'delete'] as const) {
    const original = prototype[method];
    vi.spyOn(prototype, method).mockImplementation(function (this: { name: string }, ...args) {
      if (this.name === store) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }
}

let factory: IDBFactory;
let db: Database;
let clock: ReturnType<typeof fixedClock>;
let data: CampaignData;

beforeEach(async () => {
  factory = new IDBFactory();
  db = await openDatabase({ factory });
  clock = fixedClock();
  data = new CampaignData(db, clock);
  await data.refresh();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** A campaign created through the data class, and its id. */
async function created(overrides: Partial<CampaignInput> = {}): Promise<string> {
  const campaign = await data.createCampaign(setupInput(overrides));
  if (!campaign) throw new Error('not created');
  return campaign.id;
}

describe('CampaignData: the campaign and its set-up', () => {
  test('Creating a campaign stores it with its new issuing unit, and shows both', async () => {
    const id = await created();
    expect(data.loaded).toBe(true);
    expect(data.failure).toBeNull();
    const [unit] = await listUnits(db);
    expect(unit).toMatchObject({ name: 'UBND phường Võ Cường', kind: 'commune' });
    expect(await listCampaigns(db)).toEqual([
      expect.objectContaining({ id, year: 2027, unitId: unit!.id, deadline: '2027-07-01', planned: [] }),
    ]);
    expect(data.campaign(id)?.theme).toBe('Chung tay vì phường Võ Cường không ma túy');
    expect(data.unitName(data.campaign(id)!.unitId)).toBe('UBND phường Võ Cường');
  });

  test('A campaign of a unit already on the device uses that unit and adds none', async () => {
    const ward = makeUnit({ name: 'UBND phường Võ Cường', kind: 'commune' });
    await saveEntry(db, makeCampaignActivity({ unitId: ward.id }), [ward]);
    await data.refresh();
    const id = await created({ unitName: 'ubnd  phường võ cường' });
    expect(data.campaign(id)?.unitId).toBe(ward.id);
    expect(await listUnits(db)).toHaveLength(1);
  });

  test('Saving the set-up changes what was edited and keeps the plan and the narrative', async () => {
    const id = await created();
    await data.addPlanned(id, plannedInput());
    await data.saveNarrative(id, 'assessment', 'Đúng kế hoạch.');
    clock.set('2027-06-11T02:00:00.000Z');
    const saved = await data.saveSetup(id, setupInput({ deadline: '2027-07-03', place: 'Võ Cường' }));
    expect(saved).toBe(true);
    const [stored] = await listCampaigns(db);
    expect(stored).toMatchObject({
      id,
      deadline: '2027-07-03',
      place: 'Võ Cường',
      narrative: { assessment: 'Đúng kế hoạch.' },
      createdAt: '2027-06-10T02:00:00.000Z',
      updatedAt: '2027-06-11T02:00:00.000Z',
    });
    expect(stored!.planned).toHaveLength(1);
  });

  test('A write to a campaign that is not on the device stores nothing and says so', async () => {
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect(await data.saveSetup(missing, setupInput())).toBe(false);
    expect(await data.addPlanned(missing, plannedInput())).toBe(false);
    expect(await data.logActivity(missing, emptyLogInput('2027-06-02'))).toBeUndefined();
    expect(await listCampaigns(db)).toEqual([]);
  });
});

describe('CampaignData: the plan', () => {
  test('An activity added to the plan is stored as planned, with only the parts typed', async () => {
    const id = await created();
    clock.set('2027-06-10T03:00:00.000Z');
    expect(await data.addPlanned(id, plannedInput({ title: '  Lễ phát động ', owner: 'UBND phường' }))).toBe(
      true,
    );
    const [stored] = await listCampaigns(db);
    expect(stored!.planned).toEqual([
      {
        id: expect.any(String),
        template: 'launch',
        title: 'Lễ phát động',
        date: '2027-06-02',
        owner: 'UBND phường',
        status: 'planned',
      },
    ]);
    expect(stored!.updatedAt).toBe('2027-06-10T03:00:00.000Z');
    expect(data.campaign(id)?.planned).toHaveLength(1);
  });

  test('A planned activity’s status changes and it can be removed, the others untouched', async () => {
    const id = await created();
    await data.addPlanned(id, plannedInput());
    await data.addPlanned(
      id,
      plannedInput({ template: 'banners', title: 'Treo băng-rôn', date: '2027-06-05' }),
    );
    const [launch, banners] = data.campaign(id)!.planned;
    expect(await data.updatePlanned(id, launch!.id, 'cancelled')).toBe(true);
    expect(data.campaign(id)?.planned.map((p) => p.status)).toEqual(['cancelled', 'planned']);
    expect(await data.removePlanned(id, launch!.id)).toBe(true);
    const [stored] = await listCampaigns(db);
    expect(stored!.planned.map((p) => p.id)).toEqual([banners!.id]);
  });
});

describe('CampaignData: the log and the report', () => {
  test('Logging a planned activity stores its counts and marks it done; the log lists it', async () => {
    const id = await created();
    await data.addPlanned(id, plannedInput());
    const planned = data.campaign(id)!.planned[0]!;
    const entry = await data.logActivity(id, {
      ...emptyLogInput('2027-06-10', planned),
      participants: '320',
      banners: '10',
      leaflets: '',
    });
    expect(entry).toMatchObject({ campaignId: id, plannedId: planned.id, participants: 320, banners: 10 });
    expect(entry).not.toHaveProperty('leaflets');
    expect(await listEntries(db)).toEqual([entry]);
    expect((await listCampaigns(db))[0]!.planned[0]!.status).toBe('done');
    expect(data.activitiesOf(id)).toEqual([entry]);
  });

  test('The log shows one campaign’s activities only, oldest first', async () => {
    const id = await created();
    const other = makeCampaignActivity({ date: '2027-06-01' });
    await saveEntry(db, other, [], { clearDraft: false });
    const later = await data.logActivity(id, {
      ...emptyLogInput('2027-06-20'),
      template: 'media',
      title: 'Bài báo',
    });
    const earlier = await data.logActivity(id, {
      ...emptyLogInput('2027-06-03'),
      template: 'launch',
      title: 'Mít tinh',
    });
    expect(data.activitiesOf(id).map((e) => e.id)).toEqual([earlier!.id, later!.id]);
  });

  test('Deleting a logged activity removes it from the ledger and the log', async () => {
    const id = await created();
    const entry = await data.logActivity(id, {
      ...emptyLogInput('2027-06-03'),
      template: 'launch',
      title: 'Mít tinh',
    });
    expect(await data.deleteActivity(entry!.id)).toBe(true);
    expect(await listEntries(db)).toEqual([]);
    expect(data.activitiesOf(id)).toEqual([]);
  });

  test('A part of the narrative is kept trimmed, and clearing it removes it', async () => {
    const id = await created();
    expect(await data.saveNarrative(id, 'difficulties', '  Kinh phí còn hạn chế. ')).toBe(true);
    expect(await data.saveNarrative(id, 'reportDate', '2027-06-30')).toBe(true);
    expect((await listCampaigns(db))[0]!.narrative).toEqual({
      difficulties: 'Kinh phí còn hạn chế.',
      reportDate: '2027-06-30',
    });
    await data.saveNarrative(id, 'difficulties', '   ');
    expect(data.campaign(id)?.narrative).toEqual({ reportDate: '2027-06-30' });
  });
});

describe('CampaignData: a full disk', () => {
  test('When the disk is full, nothing changes, the data shown stays, and the failure is "full"', async () => {
    const id = await created();
    await data.addPlanned(id, plannedInput());
    const before = { campaigns: await listCampaigns(db), entries: await listEntries(db) };
    const shown = data.campaign(id);
    fillDisk(db, 'ledger');
    const log = { ...emptyLogInput('2027-06-02', shown!.planned[0]), participants: '320' };
    expect(await data.logActivity(id, log)).toBeUndefined();
    expect(data.failure).toBe('full');
    // The campaign (its planned activity marked done) was in the same transaction: rolled back.
    expect({ campaigns: await listCampaigns(db), entries: await listEntries(db) }).toEqual(before);
    expect(data.campaign(id)).toEqual(shown);
    vi.restoreAllMocks();
    expect(await data.logActivity(id, log)).toBeDefined();
    expect(data.failure).toBeNull();
  });

  test('A full disk refuses a narrative and a plan change alike', async () => {
    const id = await created();
    fillDisk(db, 'campaigns');
    expect(await data.saveNarrative(id, 'assessment', 'Tốt.')).toBe(false);
    expect(data.failure).toBe('full');
    expect(await data.addPlanned(id, plannedInput())).toBe(false);
    vi.restoreAllMocks();
    expect((await listCampaigns(db))[0]).toMatchObject({ narrative: {}, planned: [] });
  });
});

describe('CampaignData: two tabs', () => {
  let otherTab: BroadcastChannel;
  let dbB: Database;
  beforeEach(async () => {
    otherTab = new BroadcastChannel('chung-tay-data');
    dbB = await openDatabase({ factory });
  });
  afterEach(() => {
    otherTab.close();
    dbB.close();
  });

  test('A tab watching the campaigns shows what another tab wrote once that tab announces it', async () => {
    const tabB = new CampaignData(dbB, clock);
    const stop = tabB.watch();
    await vi.waitFor(() => expect(tabB.loaded).toBe(true));
    const id = await created();
    await data.addPlanned(id, plannedInput());
    // In one process, tab A's own announcement is not heard: B still shows what it read.
    expect(tabB.campaign(id)).toBeUndefined();

    otherTab.postMessage({ store: 'campaigns' });
    await vi.waitFor(() => expect(tabB.campaign(id)?.planned).toHaveLength(1));
    expect(tabB.unitName(tabB.campaign(id)!.unitId)).toBe('UBND phường Võ Cường');
    stop();
  });

  test('A tab reloads for the ledger too, ignores stores it does not show, and stops when unwatched', async () => {
    const id = await created();
    const tabB = new CampaignData(dbB, clock);
    const stop = tabB.watch();
    await vi.waitFor(() => expect(tabB.campaign(id)).toBeDefined());
    const entry = await data.logActivity(id, {
      ...emptyLogInput('2027-06-03'),
      template: 'launch',
      title: 'Mít tinh',
    });

    otherTab.postMessage({ store: 'profiles' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tabB.activitiesOf(id)).toEqual([]);

    otherTab.postMessage({ store: 'ledger' });
    await vi.waitFor(() => expect(tabB.activitiesOf(id)).toEqual([entry]));

    stop();
    await data.deleteActivity(entry!.id);
    otherTab.postMessage({ store: 'ledger' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tabB.activitiesOf(id)).toEqual([entry]);
  });
});
