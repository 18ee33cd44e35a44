/**
 * What the progress, result and quiz screens read of a learner's results: the progress
 * summary and a page of attempts (kept in step with other tabs), one attempt with the
 * learner's best on its quiz, and the best score on a quiz. Only reads: attempts are written
 * by the quiz player when a quiz is finished.
 */
import type { Attempt, QuizMode } from '../../lib/domain/attempt.schema';
import { headPercent } from '../../lib/domain/progress';
import type { AttemptHead, Progress } from '../../lib/domain/progress.schema';
import { getAttempt, getProgress, listRecentAttempts } from '../../lib/storage/attemptStore';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';

/** How many attempts the history shows at first, and how many more each "show more" adds. */
const firstPage = 20;
const morePage = 50;

export class ProgressData {
  /** The watched learner's summary; null until it is loaded. */
  progress = $state.raw<Progress | null>(null);
  /** The watched learner's attempts loaded so far, newest first. */
  recent = $state.raw<Attempt[]>([]);
  private profileId: string | null = null;
  /** Bumped on every (re)load, so an answer for a learner no longer watched is dropped. */
  private generation = 0;

  constructor(private readonly db: Database) {}

  /**
   * Loads a learner's summary and first page of attempts now and again whenever another tab
   * stores an attempt; returns the function that stops watching.
   */
  watch(profileId: string): () => void {
    this.profileId = profileId;
    this.progress = null;
    this.recent = [];
    void this.reload();
    const stop = onOtherTabChange((store) => {
      if (store === 'attempts') void this.reload();
    });
    return () => {
      stop();
      if (this.profileId === profileId) this.profileId = null;
      this.generation++;
    };
  }

  /** Reads the watched learner's summary and first page of attempts again. */
  async reload(): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    const generation = ++this.generation;
    const [summary, page] = await Promise.all([
      getProgress(this.db, profileId),
      listRecentAttempts(this.db, profileId, { limit: firstPage }),
    ]);
    if (generation !== this.generation) return;
    this.progress = summary;
    this.recent = page;
  }

  /** Adds the next page of the watched learner's attempts. */
  async showMore(): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    const generation = this.generation;
    const more = await listRecentAttempts(this.db, profileId, {
      offset: this.recent.length,
      limit: morePage,
    });
    if (generation === this.generation) this.recent = [...this.recent, ...more];
  }

  /**
   * One attempt and the learner's best on its quiz in the attempt's mode (a practice run is
   * never ranked against contests); null when there is no such attempt or it is another
   * learner's (learners sharing a device see only their own results).
   */
  async result(
    attemptId: string,
    profileId: string | undefined,
  ): Promise<{ attempt: Attempt; best: AttemptHead | null } | null> {
    const attempt = await getAttempt(this.db, attemptId);
    if (!attempt || attempt.profileId !== profileId) return null;
    const progress = await getProgress(this.db, attempt.profileId);
    return { attempt, best: progress.quizzes[attempt.quizId]?.best[attempt.mode] ?? null };
  }

  /** The learner's best score on a quiz in percent in each mode, null before a first attempt in it. */
  async bestPercents(profileId: string, quizId: string): Promise<Record<QuizMode, number | null>> {
    const best = (await getProgress(this.db, profileId)).quizzes[quizId]?.best;
    const percent = (head: AttemptHead | null | undefined) => (head ? headPercent(head) : null);
    return { practice: percent(best?.practice), contest: percent(best?.contest) };
  }
}
