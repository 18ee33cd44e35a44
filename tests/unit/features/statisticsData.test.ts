import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { StatisticsData } from '../../../src/features/statistics/statisticsData.svelte';
import { statisticsSummary } from '../../../src/lib/domain/exchange';
import { noFilter } from '../../../src/lib/domain/statistics';
import { saveFinishedAttempt } from '../../../src/lib/storage/attemptStore';
import type { Database } from '../../../src/lib/storage/connection';
import { saveEntry } from '../../../src/lib/storage/ledgerStore';
import { makeAttempt, makeSessionEntry, makeUnit } from '../../builders';
import { announceFromOtherTab, openTwoTabs } from './tabs';

const company = makeUnit({ name: 'Công ty TNHH May Minh Anh' });
const workshop = makeUnit({ name: 'Phân xưởng 1', kind: 'other', parentId: company.id });

let tabA: Database;
let tabB: Database;
let close: () => void;
const stops: Array<() => void> = [];

beforeEach(async () => {
  ({ tabA, tabB, close } = await openTwoTabs());
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  close();
});

describe('StatisticsData', () => {
  test('Loading reads every unit, record and attempt, which the statistics then count', async () => {
    await saveEntry(tabA, makeSessionEntry({ unitId: company.id, participants: 40, women: 25 }), [company]);
    await saveEntry(tabA, makeSessionEntry({ unitId: workshop.id, participants: 30, women: 10 }), [workshop]);
    await saveFinishedAttempt(tabA, makeAttempt());
    const data = new StatisticsData(tabA);

    expect(data.loaded).toBe(false);
    await data.refresh();

    expect(data.loaded).toBe(true);
    expect(data.units.map((u) => u.name).sort()).toEqual(['Công ty TNHH May Minh Anh', 'Phân xưởng 1']);
    expect(data.entries).toHaveLength(2);
    expect(data.attempts).toHaveLength(1);
    const summary = statisticsSummary(data, { ...noFilter, unitId: company.id }, '2027-07-01');
    expect(summary.figures).toMatchObject({ records: 2, participants: 70, women: 35, attempts: 1 });
    expect(data.unitName(workshop.id)).toBe('Phân xưởng 1');
  });

  test('A tab shows the records and attempts another tab stored once it hears of them', async () => {
    const data = new StatisticsData(tabB);
    stops.push(data.watch());
    await vi.waitFor(() => expect(data.loaded).toBe(true));
    expect(data.entries).toEqual([]);

    const entry = makeSessionEntry({ unitId: company.id, participants: 12, women: 7 });
    await saveEntry(tabA, entry, [company]);
    announceFromOtherTab('ledger');
    await vi.waitFor(() => expect(data.entries).toEqual([entry]));
    expect(data.units).toEqual([company]);

    const attempt = makeAttempt();
    await saveFinishedAttempt(tabA, attempt);
    announceFromOtherTab('attempts');
    await vi.waitFor(() => expect(data.attempts.map((a) => a.id)).toEqual([attempt.id]));
  });
});
