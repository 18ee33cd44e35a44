import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BankData, type BankClock } from '../../../src/features/banks/bankData.svelte';
import { ownCatalog } from '../../../src/features/quiz/ownCatalog.svelte';
import type { QuestionDraft } from '../../../src/lib/domain/ownContent.schema';
import { getBank, listBanks, listOwnQuizzes } from '../../../src/lib/storage/bankStore';
import type { Database } from '../../../src/lib/storage/connection';
import { announceFromOtherTab, failStoreRequests, openTwoTabs } from './tabs';

function fixedClock(): BankClock & { advance: () => void } {
  let now = new Date('2026-11-02T02:00:00.000Z');
  let counter = 0;
  return {
    now: () => now,
    newId: () => `00000000-0000-4000-9000-${(++counter).toString(16).padStart(12, '0')}`,
    advance: () => (now = new Date(now.getTime() + 60_000)),
  };
}

const drafts: QuestionDraft[] = [
  {
    type: 'single',
    prompt: 'Ngày Quốc tế phòng, chống ma túy là ngày nào?',
    explanation: '',
    options: [
      { id: 'a', text: '26/6', correct: true },
      { id: 'b', text: '1/6', correct: false },
    ],
  },
  {
    type: 'true-false',
    prompt: 'Có thể từ chối lời mời mà vẫn giữ tình bạn.',
    explanation: '',
    answer: true,
  },
];
const defaults = { topic: 'refusal', audiences: ['thcs' as const], language: 'vi' as const, sourceText: '' };

let tabA: Database;
let tabB: Database;
let close: () => void;
beforeEach(async () => {
  ({ tabA, tabB, close } = await openTwoTabs());
  // The quiz list reads the database of the test at hand.
  await ownCatalog.load(tabA);
});
afterEach(() => {
  vi.restoreAllMocks();
  close();
});

describe('BankData', () => {
  test('Imported drafts become a new bank with the import’s topic, audiences and source, in their order', async () => {
    const data = new BankData(tabA, fixedClock());
    const bankId = await data.addImported({ title: 'Rung chuông vàng' }, drafts, {
      ...defaults,
      sourceText: 'Đề thi của Phòng GD&ĐT, 2026',
    });
    const bank = await getBank(tabA, bankId ?? '');
    expect(bank?.title).toBe('Rung chuông vàng');
    expect(bank?.questions.map((q) => [q.type, q.topic, q.audiences, q.source])).toEqual([
      ['single', 'refusal', ['thcs'], { kind: 'text', text: 'Đề thi của Phòng GD&ĐT, 2026' }],
      ['true-false', 'refusal', ['thcs'], { kind: 'text', text: 'Đề thi của Phòng GD&ĐT, 2026' }],
    ]);
    // Adding to it appends, and its ids stay unique.
    await data.addImported({ bankId: bankId ?? '' }, drafts.slice(0, 1), defaults);
    const grown = await getBank(tabA, bankId ?? '');
    expect(grown?.questions).toHaveLength(3);
    expect(new Set(grown?.questions.map((q) => q.id)).size).toBe(3);
  });

  test('A question is edited in place, duplicated right after itself and deleted, each kept on the device', async () => {
    const clock = fixedClock();
    const data = new BankData(tabA, clock);
    const bankId = (await data.addImported({ title: 'Ngân hàng' }, drafts, defaults)) ?? '';
    const [first] = data.bank(bankId)?.questions ?? [];
    if (!first) throw new Error('no question');
    clock.advance();
    expect(await data.saveQuestion(bankId, { ...first, prompt: 'Ngày 26/6 là ngày gì?' })).toBe(true);
    const copyId = await data.duplicateQuestion(bankId, first.id);
    expect((await getBank(tabA, bankId))?.questions.map((q) => [q.id === copyId, q.prompt])).toEqual([
      [false, 'Ngày 26/6 là ngày gì?'],
      [true, 'Ngày 26/6 là ngày gì?'],
      [false, 'Có thể từ chối lời mời mà vẫn giữ tình bạn.'],
    ]);
    await data.deleteQuestion(bankId, first.id);
    expect((await getBank(tabA, bankId))?.questions).toHaveLength(2);
    expect((await getBank(tabA, bankId))?.updatedAt).toBe('2026-11-02T02:01:00.000Z');
  });

  test('A quiz built on a bank appears in the quiz list; deleting the bank deletes the quiz left with no bank', async () => {
    const data = new BankData(tabA, fixedClock());
    const bankId = (await data.addImported({ title: 'Ngân hàng' }, drafts, defaults)) ?? '';
    const now = '2026-11-02T02:00:00.000Z';
    await data.saveQuiz({
      id: 'own-00000000-0000-4000-9000-0000000000aa',
      title: 'Vòng loại',
      description: '',
      audience: 'thcs',
      bankIds: [bankId],
      practice: { questionCount: 10 },
      contest: { questionCount: 10, timeLimitSeconds: 300 },
      createdAt: now,
      updatedAt: now,
    });
    expect(ownCatalog.quizzes.map((q) => [q.title.vi, q.poolSize])).toEqual([['Vòng loại', 2]]);
    expect(data.quizzesOf(bankId).map((q) => q.title)).toEqual(['Vòng loại']);
    await data.deleteBank(bankId);
    expect([await listBanks(tabA), await listOwnQuizzes(tabA), ownCatalog.quizzes]).toEqual([[], [], []]);
  });

  test('A bank saved in another tab shows up here when that tab announces it', async () => {
    const here = new BankData(tabA, fixedClock());
    const stop = here.watch();
    await vi.waitFor(() => expect(here.loaded).toBe(true));
    await new BankData(tabB, fixedClock()).addImported({ title: 'Từ tab khác' }, drafts, defaults);
    announceFromOtherTab('banks');
    await vi.waitFor(() => expect(here.banks.map((b) => b.title)).toEqual(['Từ tab khác']));
    stop();
  });

  test('On a full disk the import is not stored and the failure is told; nothing half-written stays', async () => {
    const data = new BankData(tabA, fixedClock());
    failStoreRequests(tabA, 'put');
    expect(await data.addImported({ title: 'Ngân hàng' }, drafts, defaults)).toBeUndefined();
    expect(data.failure).toBe('full');
    vi.restoreAllMocks();
    expect(await listBanks(tabA)).toEqual([]);
  });

  test('A pack exported here and read on another device plans the same banks; read again after import it changes nothing', async () => {
    const sender = new BankData(tabA, fixedClock());
    const bankId = (await sender.addImported({ title: 'Rung chuông vàng 2026' }, drafts, defaults)) ?? '';
    const { blob, fileName } = sender.packFile('Trường THCS Đông Ngàn', [bankId]);
    expect(fileName).toBe('chung-tay-goi-cau-hoi-rung-chuong-vang-2026-2026-11-02.json');
    const file = new File([await blob.arrayBuffer()], fileName);

    const { tabA: other, close: closeOther } = await openTwoTabs();
    const receiver = new BankData(other, fixedClock());
    await receiver.refresh();
    const first = await receiver.readPack(file);
    if (!first.ok) throw new Error(JSON.stringify(first.problem));
    expect(first.unitName).toBe('Trường THCS Đông Ngàn');
    expect(first.plan.bankChanges).toEqual([
      { title: 'Rung chuông vàng 2026', state: 'new', added: 2, removed: 0, changed: 0 },
    ]);
    await receiver.applyPack(first.plan);
    expect((await listBanks(other)).map((b) => [b.title, b.origin?.unitName, b.questions.length])).toEqual([
      ['Rung chuông vàng 2026', 'Trường THCS Đông Ngàn', 2],
    ]);
    const again = await receiver.readPack(file);
    expect(again.ok && [again.plan.banks, again.plan.bankChanges[0]?.state]).toEqual([[], 'same']);
    closeOther();
  });

  test('A file that is not a pack, or one saved in Windows-1258, is refused with its reason', async () => {
    const data = new BankData(tabA, fixedClock());
    const text = (content: string) => new File([content], 'goi.json');
    expect(await data.readPack(text('{"format":"chung-tay/statistics"}'))).toEqual({
      ok: false,
      problem: { kind: 'not-pack' },
    });
    // "Câu hỏi" in Windows-1258: C, â (0xE2), u, space, h, ỏ (o + 0xD2), i.
    const cp1258 = new Uint8Array([0x7b, 0x22, 0x43, 0xe2, 0x75, 0x20, 0x68, 0x6f, 0xd2, 0x69, 0x22, 0x7d]);
    const reading = await data.readPack(new File([cp1258], 'goi.json'));
    expect(reading.ok).toBe(false);
  });
});
