/**
 * What the question-bank screens read and write: the unit's own banks and the quizzes built
 * from them. Every change goes through a method here, which builds the record with the rules
 * of `lib/domain/ownContent.ts`, stores it, reloads, and refreshes the quiz list
 * (`ownCatalog`); each resolves to whether it was stored, and a failure is left in `failure`
 * for the screen to show while its form keeps what was typed.
 */
import {
  checkPack,
  makePack,
  placeDraft,
  planPackImport,
  type PackPlan,
  type PackProblem,
  type PlacementDefaults,
} from '../../lib/domain/ownContent';
import {
  newQuestionId,
  type Bank,
  type OwnQuestion,
  type OwnQuiz,
  type QuestionDraft,
} from '../../lib/domain/ownContent.schema';
import { decodeText, sniffFile, type NotTextKind } from '../../lib/domain/textFile';
import { fileSlug } from '../../lib/export/download';
import {
  applyPackPlan,
  deleteBank,
  deleteOwnQuiz,
  listBanks,
  listOwnQuizzes,
  saveBank,
  saveOwnQuiz,
} from '../../lib/storage/bankStore';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';
import { ownCatalog } from '../quiz/ownCatalog.svelte';

/** Where new ids and times come from (tests give fixed ones). */
export interface BankClock {
  now: () => Date;
  newId: () => string;
}
const systemClock: BankClock = { now: () => new Date(), newId: () => crypto.randomUUID() };

/** A pack file is never larger than this: 100 banks of 5,000 long questions stay below it. */
export const packFileLimit = 64 * 1024 * 1024;

export type PackReading =
  | { ok: true; plan: PackPlan; fileName: string; unitName: string; exportedAt: string }
  | { ok: false; problem: PackProblem | { kind: 'too-large' } | { kind: 'encoding'; encoding: NotTextKind } };

export class BankData {
  // Raw: replaced whole on every load; a bank may hold thousands of questions.
  banks = $state.raw<readonly Bank[]>([]);
  quizzes = $state.raw<OwnQuiz[]>([]);
  loaded = $state(false);
  failure = $state<WriteFailure | null>(null);

  constructor(
    private readonly db: Database,
    private readonly clock: BankClock = systemClock,
  ) {}

  async refresh(): Promise<void> {
    const [banks, quizzes] = await Promise.all([listBanks(this.db), listOwnQuizzes(this.db)]);
    this.banks = banks;
    this.quizzes = quizzes;
    this.loaded = true;
  }

  /** Loads now and whenever another tab changes banks or quizzes; returns the unsubscribe. */
  watch(): () => void {
    void this.refresh();
    return onOtherTabChange((store) => {
      if (store === 'banks' || store === 'ownQuizzes') void this.refresh();
    });
  }

  bank(id: string): Bank | undefined {
    return this.banks.find((bank) => bank.id === id);
  }

  quiz(id: string): OwnQuiz | undefined {
    return this.quizzes.find((quiz) => quiz.id === id);
  }

  /** The quizzes that draw on a bank (named in the confirmation before it is deleted). */
  quizzesOf(bankId: string): OwnQuiz[] {
    return this.quizzes.filter((quiz) => quiz.bankIds.includes(bankId));
  }

  private async save(write: (db: Database) => Promise<unknown>): Promise<boolean> {
    this.failure = await tryWrite(() => write(this.db));
    if (this.failure) return false;
    await Promise.all([this.refresh(), ownCatalog.refresh()]);
    return true;
  }

  private touched(bank: Bank, questions: OwnQuestion[]): Bank {
    return { ...bank, questions, updatedAt: this.clock.now().toISOString() };
  }

  /** A new, empty bank; resolves to it, or undefined if it was not stored. */
  async createBank(title: string, description: string): Promise<Bank | undefined> {
    const now = this.clock.now().toISOString();
    const bank: Bank = {
      id: this.clock.newId(),
      title,
      description,
      questions: [],
      createdAt: now,
      updatedAt: now,
    };
    return (await this.save((db) => saveBank(db, bank))) ? bank : undefined;
  }

  async renameBank(id: string, title: string, description: string): Promise<boolean> {
    const bank = this.bank(id);
    if (!bank) return false;
    return this.save((db) =>
      saveBank(db, { ...bank, title, description, updatedAt: this.clock.now().toISOString() }),
    );
  }

  /** Adds the question, or replaces the one with its id. */
  async saveQuestion(bankId: string, question: OwnQuestion): Promise<boolean> {
    const bank = this.bank(bankId);
    if (!bank) return false;
    const exists = bank.questions.some((q) => q.id === question.id);
    const questions = exists
      ? bank.questions.map((q) => (q.id === question.id ? question : q))
      : [...bank.questions, question];
    return this.save((db) => saveBank(db, this.touched(bank, questions)));
  }

  /** A copy of the question right after it, with a new id; resolves to the copy's id. */
  async duplicateQuestion(bankId: string, questionId: string): Promise<string | undefined> {
    const bank = this.bank(bankId);
    const index = bank?.questions.findIndex((q) => q.id === questionId) ?? -1;
    if (!bank || index < 0) return undefined;
    const copy = { ...(bank.questions[index] as OwnQuestion), id: newQuestionId() };
    const questions = [...bank.questions.slice(0, index + 1), copy, ...bank.questions.slice(index + 1)];
    return (await this.save((db) => saveBank(db, this.touched(bank, questions)))) ? copy.id : undefined;
  }

  /**
   * Deletes a question. Attempts that asked it keep their score (they hold their answers);
   * a quiz with a fixed list simply no longer asks it.
   */
  async deleteQuestion(bankId: string, questionId: string): Promise<boolean> {
    const bank = this.bank(bankId);
    if (!bank) return false;
    return this.save((db) =>
      saveBank(
        db,
        this.touched(
          bank,
          bank.questions.filter((q) => q.id !== questionId),
        ),
      ),
    );
  }

  async deleteBank(id: string): Promise<boolean> {
    return this.save((db) => deleteBank(db, id, this.clock.now()));
  }

  /**
   * Stores imported drafts, each placed with the import's defaults, in a new bank titled
   * `target.title` or at the end of an existing bank; resolves to the bank's id.
   */
  async addImported(
    target: { title: string } | { bankId: string },
    drafts: readonly QuestionDraft[],
    defaults: PlacementDefaults,
  ): Promise<string | undefined> {
    const now = this.clock.now().toISOString();
    const placed = drafts.map((draft) => placeDraft(draft, defaults, newQuestionId()));
    const existing = 'bankId' in target ? this.bank(target.bankId) : undefined;
    if ('bankId' in target && !existing) return undefined;
    const bank: Bank = existing
      ? this.touched(existing, [...existing.questions, ...placed])
      : {
          id: this.clock.newId(),
          title: (target as { title: string }).title,
          description: '',
          questions: placed,
          createdAt: now,
          updatedAt: now,
        };
    return (await this.save((db) => saveBank(db, bank))) ? bank.id : undefined;
  }

  /** Stores a new or edited quiz. */
  async saveQuiz(quiz: OwnQuiz): Promise<boolean> {
    return this.save((db) => saveOwnQuiz(db, { ...quiz, updatedAt: this.clock.now().toISOString() }));
  }

  async deleteQuiz(id: string): Promise<boolean> {
    return this.save((db) => deleteOwnQuiz(db, id));
  }

  /**
   * The pack file of some banks and quizzes (each quiz's banks come along), named after what
   * it holds, never after more than a cut, slugified title.
   */
  packFile(
    unitName: string,
    bankIds: readonly string[],
    quizIds: readonly string[] = [],
  ): { blob: Blob; fileName: string } {
    const quizzes = this.quizzes.filter((quiz) => quizIds.includes(quiz.id));
    const wanted = new Set([...bankIds, ...quizzes.flatMap((quiz) => quiz.bankIds)]);
    const banks = this.banks.filter((bank) => wanted.has(bank.id));
    const now = this.clock.now();
    const pack = makePack(unitName, banks, quizzes, now);
    const named = quizzes[0]?.title ?? banks[0]?.title ?? '';
    const fileName = `chung-tay-goi-cau-hoi-${fileSlug(named, 40, 'ngan-hang')}-${now.toISOString().slice(0, 10)}.json`;
    return { blob: new Blob([JSON.stringify(pack)], { type: 'application/json' }), fileName };
  }

  /** Reads a pack file whole and plans its import; nothing is written yet. */
  async readPack(file: File): Promise<PackReading> {
    if (file.size > packFileLimit) return { ok: false, problem: { kind: 'too-large' } };
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (sniffFile(bytes, file.name).kind !== 'text') return { ok: false, problem: { kind: 'not-pack' } };
    const decoded = decodeText(bytes);
    // A pack is written by the app in UTF-8; an 8-bit one was re-saved by something else.
    if (!decoded.ok) return { ok: false, problem: { kind: 'encoding', encoding: decoded.kind } };
    const now = this.clock.now();
    const checked = checkPack(decoded.text, this.banks, now);
    if (!checked.ok) return { ok: false, problem: checked.problem };
    return {
      ok: true,
      plan: planPackImport(checked.pack, this.banks, this.quizzes, now),
      fileName: file.name,
      unitName: checked.pack.unitName,
      exportedAt: checked.pack.exportedAt,
    };
  }

  /** Writes a planned pack import, all of it or none. */
  async applyPack(plan: PackPlan): Promise<boolean> {
    return this.save((db) => applyPackPlan(db, plan));
  }
}
