/**
 * Own question banks and the quizzes built from them (stores `banks` and `ownQuizzes`, since
 * version 8). A bank is one record holding its questions, so saving an edited question or an
 * imported bank is one write; deleting a bank takes it out of every quiz in the same
 * transaction, and a quiz left with no bank goes with it.
 */
import { bankSchema, ownQuizSchema, type Bank, type OwnQuiz } from '../domain/ownContent.schema';
import type { PackPlan } from '../domain/ownContent';
import { announceChange, onAnyChange } from './changes';
import type { Database } from './connection';
import { getAllParsed, getParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

const byTitle = <T extends { title: string; createdAt: string }>(a: T, b: T) =>
  a.title.localeCompare(b.title, 'vi') || a.createdAt.localeCompare(b.createdAt);

// The banks as last read and checked, until a write of this tab or another changes the store:
// reading and checking a 2,000-question bank takes about 200 ms on a slow phone, and opening
// and starting a quiz needs the banks three times. A read started before a change is never kept.
let banksGeneration = 0;
let watchingBanks = false;
const banksRead = new WeakMap<Database, { generation: number; banks: Promise<Bank[]> }>();

/** Every bank, checked, by title. Callers get the same records until the store changes: read only. */
export async function listBanks(db: Database): Promise<readonly Bank[]> {
  if (!watchingBanks) {
    watchingBanks = true;
    onAnyChange((store) => {
      if (store === 'banks') banksGeneration++;
    });
  }
  const cached = banksRead.get(db);
  if (cached?.generation === banksGeneration) return cached.banks;
  const banks = getAllParsed(db, 'banks', bankSchema).then((list) => list.sort(byTitle));
  banksRead.set(db, { generation: banksGeneration, banks });
  // A failed read is not kept: the next call tries again.
  banks.catch(() => {
    if (banksRead.get(db)?.banks === banks) banksRead.delete(db);
  });
  return banks;
}

export async function getBank(db: Database, id: string): Promise<Bank | undefined> {
  return getParsed(db, 'banks', bankSchema, id);
}

export async function saveBank(db: Database, bank: Bank): Promise<void> {
  const record = bankSchema.parse(bank);
  await writeTransaction(db, ['banks'], (tx) => tx.objectStore('banks').put(record));
  announceChange('banks');
}

export async function listOwnQuizzes(db: Database): Promise<OwnQuiz[]> {
  return (await getAllParsed(db, 'ownQuizzes', ownQuizSchema)).sort(byTitle);
}

export async function getOwnQuiz(db: Database, id: string): Promise<OwnQuiz | undefined> {
  return getParsed(db, 'ownQuizzes', ownQuizSchema, id);
}

export async function saveOwnQuiz(db: Database, quiz: OwnQuiz): Promise<void> {
  const record = ownQuizSchema.parse(quiz);
  await writeTransaction(db, ['ownQuizzes'], (tx) => tx.objectStore('ownQuizzes').put(record));
  announceChange('ownQuizzes');
}

export async function deleteOwnQuiz(db: Database, id: string): Promise<void> {
  await writeTransaction(db, ['ownQuizzes'], (tx) => tx.objectStore('ownQuizzes').delete(id));
  announceChange('ownQuizzes');
}

/**
 * Deletes a bank, takes it out of the quizzes that draw on it and deletes those left with no
 * bank, in one transaction. Attempts keep their scores: they hold their own answers.
 */
export async function deleteBank(db: Database, id: string, now: Date): Promise<void> {
  await writeTransaction(db, ['banks', 'ownQuizzes'], async (tx) => {
    const bank = bankSchema.safeParse(await tx.objectStore('banks').get(id));
    const gone = new Set(bank.success ? bank.data.questions.map((q) => q.id) : []);
    const quizzes = tx.objectStore('ownQuizzes');
    for (const raw of await quizzes.getAll()) {
      const parsed = ownQuizSchema.safeParse(raw);
      if (!parsed.success || !parsed.data.bankIds.includes(id)) continue;
      const { questionIds, ...quiz } = parsed.data;
      const bankIds = quiz.bankIds.filter((bankId) => bankId !== id);
      // A fixed list loses the bank's questions; the rest of the list stays.
      const kept = questionIds?.filter((questionId) => !gone.has(questionId));
      if (bankIds.length === 0 || kept?.length === 0) await quizzes.delete(quiz.id);
      else
        await quizzes.put({
          ...quiz,
          ...(kept ? { questionIds: kept } : {}),
          bankIds,
          updatedAt: now.toISOString(),
        });
    }
    await tx.objectStore('banks').delete(id);
  });
  announceChange('banks');
  announceChange('ownQuizzes');
}

/** Writes what `planPackImport` decided, all of it or none. */
export async function applyPackPlan(db: Database, plan: PackPlan): Promise<void> {
  const banks = plan.banks.map((bank) => bankSchema.parse(bank));
  const quizzes = plan.quizzes.map((quiz) => ownQuizSchema.parse(quiz));
  if (banks.length === 0 && quizzes.length === 0) return;
  await writeTransaction(db, ['banks', 'ownQuizzes'], async (tx) => {
    for (const bank of banks) await tx.objectStore('banks').put(bank);
    for (const quiz of quizzes) await tx.objectStore('ownQuizzes').put(quiz);
  });
  if (banks.length > 0) announceChange('banks');
  if (quizzes.length > 0) announceChange('ownQuizzes');
}
