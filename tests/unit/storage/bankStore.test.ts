import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Bank } from '../../../src/lib/domain/ownContent.schema';
import { deleteBank, listBanks, saveBank } from '../../../src/lib/storage/bankStore';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';

const at = '2026-11-01T01:00:00.000Z';
const bank = (title: string, prompt = 'Ngày Quốc tế phòng, chống ma túy là ngày nào?'): Bank => ({
  id: crypto.randomUUID(),
  title,
  description: '',
  createdAt: at,
  updatedAt: at,
  questions: [
    {
      id: `q-${crypto.randomUUID()}`,
      type: 'single',
      prompt,
      options: [
        { id: 'a', text: '26 tháng 6', correct: true },
        { id: 'b', text: '1 tháng 12', correct: false },
      ],
      explanation: '',
      topic: 'other',
      audiences: ['thcs'],
      language: 'vi',
    },
  ],
});

/** What another tab of the app says after it wrote a bank. */
async function otherTabWroteBanks(): Promise<void> {
  const other = new BroadcastChannel('chung-tay-data');
  other.postMessage({ store: 'banks' });
  other.close();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
});
afterEach(() => db.close());

describe('Own banks as read from storage', () => {
  test('Reading the banks twice without a change between gives the records read and checked the first time', async () => {
    await saveBank(db, bank('Ngân hàng A'));
    const first = await listBanks(db);
    expect(first.map((b) => b.title)).toEqual(['Ngân hàng A']);
    expect(await listBanks(db)).toBe(first);
  });

  test("This tab's saves and deletes are read at once", async () => {
    const a = bank('Ngân hàng A');
    await saveBank(db, a);
    await listBanks(db);
    await saveBank(db, { ...a, questions: [{ ...a.questions[0]!, prompt: 'Câu đã sửa?' }] });
    expect((await listBanks(db))[0]?.questions[0]?.prompt).toBe('Câu đã sửa?');
    await saveBank(db, bank('Ngân hàng B'));
    expect((await listBanks(db)).map((b) => b.title)).toEqual(['Ngân hàng A', 'Ngân hàng B']);
    await deleteBank(db, a.id, new Date());
    expect((await listBanks(db)).map((b) => b.title)).toEqual(['Ngân hàng B']);
  });

  test("Another tab's write is read once that tab announces it", async () => {
    const a = bank('Ngân hàng A');
    await saveBank(db, a);
    await listBanks(db);
    // The other tab writes (straight into the shared database), then announces it.
    await db.put('banks', { ...a, title: 'Ngân hàng A, bản mới' });
    await otherTabWroteBanks();
    expect((await listBanks(db)).map((b) => b.title)).toEqual(['Ngân hàng A, bản mới']);
  });

  test('A read that started before a write is not kept for later reads', async () => {
    const a = bank('Ngân hàng A');
    await saveBank(db, a);
    const before = listBanks(db);
    await saveBank(db, { ...a, title: 'Ngân hàng A đã đổi tên' });
    await before;
    expect((await listBanks(db)).map((b) => b.title)).toEqual(['Ngân hàng A đã đổi tên']);
  });

  test('A record that fails its check is left out, whether read first or after a change', async () => {
    await saveBank(db, bank('Ngân hàng A'));
    await db.put('banks', { ...bank('Hỏng'), questions: 'không phải danh sách' } as never);
    await otherTabWroteBanks();
    expect((await listBanks(db)).map((b) => b.title)).toEqual(['Ngân hàng A']);
  });
});
