/**
 * A quiz being taken: the session value, its clock, and its saving. The rules live in
 * `lib/domain/quizSession.ts`; this class applies them, saves after every change, keeps
 * the contest countdown running, and finishes the quiz when the time is up.
 */
import type { Question } from '../../lib/content/content.schema';
import type { Attempt } from '../../lib/domain/attempt.schema';
import {
  addElapsed,
  chooseAnswer,
  currentQuestionId,
  finishSession,
  goToQuestion,
  revealAnswer,
  timeLeftMs,
} from '../../lib/domain/quizSession';
import type { QuizSession } from '../../lib/domain/quizSession.schema';
import type { Choice } from '../../lib/domain/scoring';
import { onBeforeReload } from '../../lib/lifecycle';
import { saveFinishedAttempt } from '../../lib/storage/attemptStore';
import type { Database } from '../../lib/storage/connection';
import { getSession, saveSession } from '../../lib/storage/sessionStore';
import { StorageFullError } from '../../lib/storage/storageErrors';
import { loadBankWithOwn, type Bank } from './bank';

export const saveStates = ['saved', 'saving', 'full', 'failed'] as const;
export type SaveState = (typeof saveStates)[number];

/** How often the clock is saved while nothing else happens (a crash loses at most this). */
const autosaveMs = 5000;
const tickMs = 250;

export class QuizPlayer {
  session = $state() as QuizSession;
  /** Wall-clock time of the last tick; drives the countdown display. */
  now = $state(Date.now());
  saveState = $state<SaveState>('saved');
  /** Set once the attempt is stored. */
  finished = $state<Attempt | null>(null);

  /** When the time counted in `session.elapsedMs` stops: the last save or resume. */
  private countedUntil = Date.now();
  private timers: ReturnType<typeof setInterval>[] = [];
  private saving: Promise<void> = Promise.resolve();
  private finishing = false;
  /** A finish that could not be stored, with whether the clock had run out; `retry` redoes it. */
  private unsavedFinish: { timedOut: boolean } | null = null;
  private stopListening: Array<() => void> = [];

  private readonly db: Database;
  private readonly questions: ReadonlyMap<string, Question>;

  // Getters, not $derived fields: they read constructor-set fields, and each is cheap.
  get question(): Question | undefined {
    return this.questions.get(currentQuestionId(this.session));
  }

  /** Time spent answering, including the stretch since the last save. */
  get elapsedMs(): number {
    return this.session.elapsedMs + Math.max(0, this.now - this.countedUntil);
  }

  get timeLeft(): number | null {
    return timeLeftMs(this.session, this.elapsedMs);
  }

  /**
   * The learner's quiz in progress, ready to resume, with the question bank it is asked
   * from; null when the learner has none. The clock is not started (`start`).
   */
  static async resume(db: Database, profileId: string): Promise<{ player: QuizPlayer; bank: Bank } | null> {
    const [session, bank] = await Promise.all([getSession(db, profileId), loadBankWithOwn(db)]);
    return session ? { player: new QuizPlayer(db, session, bank.questions), bank } : null;
  }

  constructor(db: Database, session: QuizSession, questions: ReadonlyMap<string, Question>) {
    this.db = db;
    this.questions = questions;
    this.session = session;
  }

  /** Starts the clock and the autosave; returns the function that stops them. */
  start(): () => void {
    this.countedUntil = Date.now();
    this.now = this.countedUntil;
    this.timers.push(setInterval(() => this.tick(), tickMs));
    this.timers.push(setInterval(() => void this.save(), autosaveMs));
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void this.save();
    };
    document.addEventListener('visibilitychange', onHidden);
    addEventListener('pagehide', onHidden);
    this.stopListening.push(
      () => document.removeEventListener('visibilitychange', onHidden),
      () => removeEventListener('pagehide', onHidden),
      onBeforeReload(() => this.save()),
    );
    return () => this.stop();
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const stop of this.stopListening) stop();
    this.stopListening = [];
  }

  private tick(): void {
    this.now = Date.now();
    if (this.timeLeft === 0 && !this.finished) void this.finish(true);
  }

  choose(choice: Choice): void {
    this.update(chooseAnswer(this.session, choice));
  }

  check(): void {
    this.update(revealAnswer(this.session));
  }

  goTo(index: number): void {
    this.update(goToQuestion(this.session, index));
  }

  private update(next: QuizSession): void {
    if (next === this.session || this.finishing) return;
    this.session = next;
    void this.save();
  }

  /**
   * Saves the session with its clock brought up to date. Saves run one after another, so
   * an older state never overwrites a newer one.
   */
  save(): Promise<void> {
    if (this.finishing) return this.saving;
    const now = Date.now();
    this.session = addElapsed(this.session, now - this.countedUntil, new Date(now));
    this.countedUntil = now;
    this.now = now;
    const snapshot = $state.snapshot(this.session) as QuizSession;
    this.saveState = 'saving';
    this.saving = this.saving.then(async () => {
      try {
        await saveSession(this.db, snapshot);
        if (this.saveState === 'saving') this.saveState = 'saved';
      } catch (error) {
        this.saveState = error instanceof StorageFullError ? 'full' : 'failed';
        console.error('Could not save the quiz in progress', error);
      }
    });
    return this.saving;
  }

  /**
   * Scores and stores the attempt. On a storage failure nothing is written, the quiz stays
   * open, and `saveState` tells why; calling again retries.
   */
  async finish(timedOut: boolean): Promise<Attempt | null> {
    if (this.finished) return this.finished;
    if (this.finishing) return null;
    await this.save();
    this.finishing = true;
    this.stop();
    const attempt = finishSession(this.session, this.questions, {
      id: crypto.randomUUID(),
      now: new Date(),
      timedOut: timedOut || this.timeLeft === 0,
    });
    try {
      await saveFinishedAttempt(this.db, attempt);
      this.unsavedFinish = null;
      this.finished = attempt;
      this.saveState = 'saved';
      return attempt;
    } catch (error) {
      this.saveState = error instanceof StorageFullError ? 'full' : 'failed';
      console.error('Could not save the finished attempt', error);
      this.unsavedFinish = { timedOut: attempt.timedOut };
      this.finishing = false;
      return null;
    }
  }

  /** After a failed save: redo what failed (finishing the quiz, or saving it). */
  retry(): Promise<unknown> {
    return this.unsavedFinish ? this.finish(this.unsavedFinish.timedOut) : this.save();
  }
}
