/**
 * A property of the roll-up merge: whatever files arrive, in whatever order, in whatever
 * batches, sent again or re-exported, the totals per sender and the grand total equal a simple
 * recount of the latest version of every record over the tree the files describe. Random
 * districts are drawn from a seeded generator, so a failure names the seed that reproduces it.
 */
import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { checkStatisticsFile } from '../../../src/lib/domain/exchange';
import type { SessionEntry } from '../../../src/lib/domain/ledger.schema';
import { rollupTotals, type Rollup } from '../../../src/lib/domain/rollup';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { listEntries } from '../../../src/lib/storage/ledgerStore';
import { getRollup, importFiles, saveRollup, type IncomingFile } from '../../../src/lib/storage/rollupStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { makeSessionEntry, makeStatisticsFile, makeUnit } from '../../builders';

const now = new Date('2027-07-10T02:00:00.000Z');

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    chance: (p: number) => next() < p,
    shuffle: <T>(items: T[]) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
  };
}

const day = (n: number) => `2027-0${1 + (n % 6)}-${String(1 + (n % 28)).padStart(2, '0')}`;
const at = (hour: number) => `2027-06-30T${String(hour).padStart(2, '0')}:00:00.000Z`;

interface District {
  files: Array<{ name: string; text: string }>;
  /** What a recount gives: each record's latest version and each unit's parent as the files tell it. */
  latest: Map<string, SessionEntry>;
  parent: Map<string, string>;
  senders: Set<string>;
}

/** A district of communes and their enterprises (with workshops), and the files they send. */
function drawDistrict(seed: number, receiver: Unit): District {
  const random = generator(seed);
  const files: District['files'] = [];
  const latest = new Map<string, SessionEntry>();
  const parent = new Map<string, string>();
  const senders = new Set<string>();
  const record = (unitId: string, n: number) =>
    makeSessionEntry({
      unitId,
      date: day(n),
      participants: 5 + random.int(200),
      women: 0,
      updatedAt: at(1),
      createdAt: at(1),
    });
  const keep = (r: SessionEntry) => {
    const seen = latest.get(r.id);
    if (!seen || r.updatedAt > seen.updatedAt) latest.set(r.id, r);
  };
  const fileOf = (sender: Unit, records: SessionEntry[], units: Unit[], exportedAt: string) => {
    senders.add(sender.id);
    for (const r of records) keep(r);
    const text = JSON.stringify(makeStatisticsFile(sender, records, units, { exportedAt }));
    files.push({ name: `${sender.name}-${files.length}.json`, text });
  };

  const communes = 2 + random.int(3);
  for (let c = 0; c < communes; c++) {
    const commune = makeUnit({ name: `UBND xã ${c}`, kind: 'commune' });
    parent.set(commune.id, receiver.id);
    const communeRecords = Array.from({ length: 1 + random.int(4) }, (_, n) => record(commune.id, n));
    const rolledUp: Unit[] = [];
    const rolledUpRecords: SessionEntry[] = [];
    const enterprises = 1 + random.int(3);
    for (let e = 0; e < enterprises; e++) {
      const enterprise = makeUnit({ name: `Công ty ${c}-${e}` });
      const workshop = makeUnit({ name: 'Phân xưởng 1', kind: 'other', parentId: enterprise.id });
      parent.set(workshop.id, enterprise.id);
      const own = Array.from({ length: 1 + random.int(5) }, (_, n) =>
        record(random.chance(0.5) ? enterprise.id : workshop.id, n),
      );
      const viaCommune = random.chance(0.6);
      const direct = !viaCommune || random.chance(0.5);
      if (viaCommune) {
        // The commune rolled the enterprise's file up: it sends the enterprise on, under itself.
        rolledUp.push({ ...enterprise, parentId: commune.id, updatedAt: at(2) }, workshop);
        rolledUpRecords.push(...own);
        parent.set(enterprise.id, commune.id);
      } else {
        parent.set(enterprise.id, receiver.id);
      }
      if (direct) {
        fileOf(enterprise, own, [enterprise, workshop], at(3));
        // Sometimes it corrects some of its records later and sends again.
        if (random.chance(0.4)) {
          const corrected = own.map((r) =>
            random.chance(0.5)
              ? { ...r, participants: r.participants + 1 + random.int(9), updatedAt: at(5) }
              : r,
          );
          fileOf(enterprise, corrected, [enterprise, workshop], at(6));
        }
      }
    }
    const context = makeUnit({ name: 'Huyện (trên thiết bị của xã)', kind: 'agency' });
    fileOf(
      { ...commune, parentId: context.id },
      [...communeRecords, ...rolledUpRecords],
      [context, { ...commune, parentId: context.id }, ...rolledUp],
      at(4),
    );
  }
  return { files, latest, parent, senders };
}

function incoming(file: { name: string; text: string }): IncomingFile {
  const result = checkStatisticsFile(file.text, file.name, now);
  if (!result.ok) throw new Error(`${file.name}: ${JSON.stringify(result.problem)}`);
  return {
    checked: result.checked,
    hash: createHash('sha256').update(file.text).digest('hex'),
    fileName: file.name,
  };
}

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
});
afterEach(() => db.close());

// Thirty districts take about a second alone, more on a loaded machine: a guard, not a timing goal.
test('Random districts, files in random order and batches, some sent twice or re-exported: every total equals a recount', async () => {
  for (let seed = 1; seed <= 30; seed++) {
    await db.clear('units');
    await db.clear('ledger');
    await db.clear('rollups');
    const random = generator(seed * 7919);
    const receiver = makeUnit({ name: 'UBND huyện', kind: 'agency' });
    const district = drawDistrict(seed, receiver);
    const round: Rollup = {
      id: crypto.randomUUID(),
      name: `Vòng ${seed}`,
      from: '2027-01-01',
      to: '2027-06-30',
      deadline: '2027-07-15',
      receiverId: receiver.id,
      expected: [],
      files: [],
      createdAt: at(0),
      updatedAt: at(0),
    };
    await saveRollup(db, round, [receiver]);

    // Every file once, some twice (refused as duplicates), some re-exported (same records).
    const arrivals = [...district.files];
    for (const file of district.files) {
      if (random.chance(0.3)) arrivals.push(file);
      if (random.chance(0.2))
        arrivals.push({
          name: `lai-${file.name}`,
          text: file.text.replace(/"exportedAt":"[^"]+"/, `"exportedAt":"${at(8)}"`),
        });
    }
    random.shuffle(arrivals);
    while (arrivals.length > 0) {
      const batch = arrivals.splice(0, 1 + random.int(4));
      const result = await importFiles(db, round.id, batch.map(incoming), now);
      for (const { problem } of result.refused) expect(problem.kind, `seed ${seed}`).toBe('duplicate');
    }

    const units = await listUnits(db);
    const entries = await listEntries(db);
    const stored = (await getRollup(db, round.id)) as Rollup;
    expect(
      new Map(entries.map((e) => [e.id, e])),
      `seed ${seed}: the latest version of every record`,
    ).toEqual(district.latest);
    for (const [id, parentId] of district.parent)
      expect(units.find((u) => u.id === id)?.parentId, `seed ${seed}: parent of ${id}`).toBe(parentId);

    // The recount: a record counts for every sender it lies under in the files' tree.
    const under = (unitId: string, ancestor: string) => {
      for (let id: string | undefined = unitId; id; id = district.parent.get(id))
        if (id === ancestor) return true;
      return false;
    };
    const sum = (records: Iterable<SessionEntry>) => {
      let participants = 0;
      let count = 0;
      for (const r of records) {
        participants += r.participants;
        count++;
      }
      return { records: count, participants };
    };
    const { senders, total } = rollupTotals(stored, entries, units);
    expect(new Set(senders.map((s) => s.unitId)), `seed ${seed}`).toEqual(district.senders);
    for (const sender of senders)
      expect(
        { records: sender.figures.records, participants: sender.figures.participants },
        `seed ${seed}: ${sender.name}`,
      ).toEqual(sum([...district.latest.values()].filter((r) => under(r.unitId, sender.unitId))));
    expect({ records: total.records, participants: total.participants }, `seed ${seed}`).toEqual(
      sum(district.latest.values()),
    );
  }
}, 60_000);
