/**
 * A learner's quiz in progress (one at most), as the home and quiz screens tell of it: read
 * when shown and again when another tab saves, finishes or replaces it.
 */
import type { QuizSession } from '../../lib/domain/quizSession.schema';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { getSession } from '../../lib/storage/sessionStore';

export class QuizInProgress {
  /** The watched learner's quiz in progress; null when there is none (or before it is read). */
  session = $state.raw<QuizSession | null>(null);
  /** Bumped on every read, so an answer for a learner no longer watched is dropped. */
  private generation = 0;

  constructor(private readonly db: Database) {}

  /** Reads a learner's quiz in progress now and whenever another tab changes it; returns the stop function. */
  watch(profileId: string): () => void {
    this.session = null;
    void this.read(profileId);
    const stop = onOtherTabChange((store) => {
      if (store === 'sessions') void this.read(profileId);
    });
    return () => {
      stop();
      this.generation++;
    };
  }

  private async read(profileId: string): Promise<void> {
    const generation = ++this.generation;
    const found = await getSession(this.db, profileId);
    if (generation === this.generation) this.session = found ?? null;
  }
}
