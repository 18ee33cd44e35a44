/**
 * The session being run or recorded, saved to the device at every change (a closed tab or
 * a crash loses nothing) and shared by the sessions screens of this tab.
 */
import type { Question } from '../../lib/content/content.schema';
import type { Plan } from '../../lib/content/plan.schema';
import { moveCardCounts } from '../../lib/domain/cards';
import type { QuestionTallies, SessionEntry } from '../../lib/domain/ledger.schema';
import { correctChoice } from '../../lib/domain/scoring';
import type { SessionDraft } from '../../lib/domain/sessionDraft.schema';
import { emptySessionInput, toSessionInput, type SessionInput } from '../../lib/domain/sessionRecord';
import { localDate, localTime } from '../../lib/domain/dates';
import type { Unit } from '../../lib/domain/unit.schema';
import { onBeforeReload } from '../../lib/lifecycle';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { deleteSessionDraft, getSessionDraft, saveSessionDraft } from '../../lib/storage/draftStore';
import { StorageFullError } from '../../lib/storage/storageErrors';
import { planMaterialIds } from './plans';

export type TallyGroup = 'before' | 'after' | 'quiz';

class SessionDraftState {
  /** undefined while loading; null when there is no draft. */
  draft = $state<SessionDraft | null | undefined>(undefined);
  /** The last save failed: `full` (disk full) or `failed`. Cleared by the next good save. */
  saveProblem = $state<'full' | 'failed' | null>(null);
  private writing: Promise<void> = Promise.resolve();
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
    onOtherTabChange((store) => {
      if (store === 'drafts') void this.load();
    });
    onBeforeReload(() => this.writing);
  }

  async load(): Promise<void> {
    this.draft = (await getSessionDraft(this.db)) ?? null;
  }

  /** Saves the current draft; writes run one after another, the last one wins. */
  private persist(): Promise<void> {
    const snapshot = this.draft ? $state.snapshot(this.draft) : null;
    if (!snapshot) return this.writing;
    snapshot.updatedAt = new Date().toISOString();
    this.writing = this.writing
      .then(() => saveSessionDraft(this.db, snapshot))
      .then(
        () => {
          this.saveProblem = null;
        },
        (error: unknown) => {
          console.error('Could not save the session draft', error);
          this.saveProblem = error instanceof StorageFullError ? 'full' : 'failed';
        },
      );
    return this.writing;
  }

  /**
   * Starts running a plan (replacing any draft); for a `group`, a unit already known, the
   * record form will name it.
   */
  start(plan: Plan, group?: SessionDraft['group'], now = new Date()): Promise<void> {
    this.draft = {
      key: 'session',
      stage: 'run',
      planId: plan.id,
      ...(group ? { group } : {}),
      startedAt: now.toISOString(),
      segment: 0,
      segmentMs: plan.agenda.map(() => 0),
      runningSince: now.toISOString(),
      check: { before: [], after: [] },
      roomQuiz: [],
      revealed: [],
      updatedAt: now.toISOString(),
    };
    return this.persist();
  }

  /** Starts recording a session that was not run from a plan. */
  startBlank(now = new Date()): Promise<void> {
    this.draft = {
      key: 'session',
      stage: 'record',
      startedAt: now.toISOString(),
      segment: 0,
      segmentMs: [],
      check: { before: [], after: [] },
      roomQuiz: [],
      revealed: [],
      form: emptySessionInput(localDate(now)),
      updatedAt: now.toISOString(),
    };
    return this.persist();
  }

  /** Opens a stored session for editing. */
  startEdit(entry: SessionEntry, units: readonly Unit[], now = new Date()): Promise<void> {
    this.draft = {
      key: 'session',
      stage: 'record',
      editingId: entry.id,
      ...(entry.planId ? { planId: entry.planId } : {}),
      startedAt: now.toISOString(),
      segment: 0,
      segmentMs: [],
      check: entry.check ?? { before: [], after: [] },
      roomQuiz: entry.roomQuiz ?? [],
      revealed: [],
      form: toSessionInput(entry, units),
      updatedAt: now.toISOString(),
    };
    return this.persist();
  }

  setPresent(present: number | undefined): Promise<void> {
    if (!this.draft) return this.writing;
    if (present === undefined) delete this.draft.present;
    else this.draft.present = present;
    return this.persist();
  }

  /** Time spent on the current segment, up to `now`. */
  segmentElapsed(index: number, now: number): number {
    const draft = this.draft;
    if (!draft) return 0;
    const base = draft.segmentMs[index] ?? 0;
    return index === draft.segment && draft.runningSince ? base + now - Date.parse(draft.runningSince) : base;
  }

  totalElapsed(now: number): number {
    const draft = this.draft;
    if (!draft) return 0;
    return draft.segmentMs.reduce((sum, _, i) => sum + this.segmentElapsed(i, now), 0);
  }

  private stopClock(now: Date): void {
    const draft = this.draft;
    if (!draft?.runningSince) return;
    draft.segmentMs[draft.segment] = this.segmentElapsed(draft.segment, now.getTime());
    delete draft.runningSince;
  }

  goTo(index: number, now = new Date()): Promise<void> {
    const draft = this.draft;
    if (!draft || index < 0 || index >= draft.segmentMs.length) return this.writing;
    const running = Boolean(draft.runningSince);
    this.stopClock(now);
    draft.segment = index;
    if (running) draft.runningSince = now.toISOString();
    return this.persist();
  }

  toggleClock(now = new Date()): Promise<void> {
    const draft = this.draft;
    if (!draft) return this.writing;
    if (draft.runningSince) this.stopClock(now);
    else draft.runningSince = now.toISOString();
    return this.persist();
  }

  private list(group: TallyGroup) {
    const draft = this.draft;
    if (!draft) return undefined;
    return group === 'quiz' ? draft.roomQuiz : draft.check[group];
  }

  tallies(group: TallyGroup, questionId: string): Record<string, number> {
    return this.list(group)?.find((q) => q.questionId === questionId)?.tallies ?? {};
  }

  /** The question's entry in its group, added when it has none yet. */
  private entry(group: TallyGroup, question: Question): QuestionTallies | undefined {
    const list = this.list(group);
    if (!list) return undefined;
    const found = list.find((q) => q.questionId === question.id);
    if (found) return found;
    list.push({ questionId: question.id, correct: correctChoice(question), tallies: {} });
    return list[list.length - 1];
  }

  setTally(group: TallyGroup, question: Question, optionId: string, count: number): Promise<void> {
    const entry = this.entry(group, question);
    if (!entry) return this.writing;
    entry.tallies[optionId] = count;
    return this.persist();
  }

  /** The answers read from cards for the question: card number → option id. */
  cardChoices(group: TallyGroup, questionId: string): Readonly<Record<string, string>> {
    return this.draft?.cards?.[`${group}:${questionId}`] ?? {};
  }

  /**
   * The cards' answers for the question as now read: the tallies move from what the cards said
   * before to what they say now, and the hands counted on top stay.
   */
  setCardChoices(group: TallyGroup, question: Question, choices: Record<string, string>): Promise<void> {
    const draft = this.draft;
    const entry = this.entry(group, question);
    if (!draft || !entry) return this.writing;
    const key = `${group}:${question.id}`;
    entry.tallies = moveCardCounts(entry.tallies, draft.cards?.[key] ?? {}, choices);
    draft.cards = { ...draft.cards, [key]: choices };
    return this.persist();
  }

  isRevealed(key: string): boolean {
    return this.draft?.revealed.includes(key) ?? false;
  }

  reveal(key: string): Promise<void> {
    if (!this.draft || this.draft.revealed.includes(key)) return this.writing;
    this.draft.revealed.push(key);
    return this.persist();
  }

  /**
   * Ends the run and opens the record form, filled in from the plan and the run; `topics`
   * are those of what the plan presented and asked.
   */
  finishRun(plan: Plan | undefined, topics: string[] = [], now = new Date()): Promise<void> {
    const draft = this.draft;
    if (!draft) return this.writing;
    this.stopClock(now);
    const started = new Date(draft.startedAt);
    const minutes = Math.round(this.totalElapsed(now.getTime()) / 60_000);
    const form: SessionInput = draft.form ?? {
      ...emptySessionInput(localDate(started)),
      startTime: localTime(started),
      audience: plan?.audience ?? '',
      participants: draft.present ? String(draft.present) : '',
      // A run stepped through quickly (a rehearsal, a test) falls back to the planned length.
      durationMinutes: String(minutes >= 5 ? minutes : (plan?.minutes ?? '')),
      planId: plan?.id ?? '',
      materials: plan ? planMaterialIds(plan) : [],
      topics,
      unitKind: plan?.audience === 'thcs' || plan?.audience === 'thpt' ? 'class' : 'enterprise',
      ...draft.group,
    };
    draft.form = form;
    draft.stage = 'record';
    return this.persist();
  }

  /** Back from the form to the run (the form keeps what was typed). */
  backToRun(): Promise<void> {
    if (!this.draft?.planId || this.draft.editingId) return this.writing;
    this.draft.stage = 'run';
    return this.persist();
  }

  updateForm(form: SessionInput): Promise<void> {
    if (!this.draft) return this.writing;
    this.draft.form = form;
    return this.persist();
  }

  async discard(): Promise<void> {
    await this.writing;
    await deleteSessionDraft(this.db);
    this.draft = null;
  }

  /** Forget the draft here once the ledger write (which deletes it on disk) has committed. */
  saved(): void {
    this.draft = null;
  }
}

let shared: SessionDraftState | null = null;

/** The one session-draft state of this tab. */
export function sessionDraftState(db: Database): SessionDraftState {
  shared ??= new SessionDraftState(db);
  return shared;
}
