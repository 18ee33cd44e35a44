/**
 * The unit's own quizzes, for the quiz list and every screen that names a quiz by id
 * (`catalog.ts`: `findQuiz`). Loaded when the app starts — their code only when the device
 * has own quizzes, so the first screen stays as small as it was — and again when this or
 * another tab changes banks or quizzes.
 */
import type { PlayableQuiz } from '../../lib/domain/ownContent';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';

class OwnCatalog {
  quizzes = $state<readonly PlayableQuiz[]>([]);
  #db: Database | null = null;
  #watching = false;
  #generation = 0;

  /** Reads the own quizzes of `db` and keeps them in step with other tabs. */
  async load(db: Database): Promise<void> {
    this.#db = db;
    // For the app's lifetime: the list is shown on many screens.
    if (!this.#watching)
      onOtherTabChange((store) => {
        if (store === 'banks' || store === 'ownQuizzes') void this.refresh();
      });
    this.#watching = true;
    await this.refresh();
  }

  /** Reads them again (after this tab saved a bank or a quiz). */
  async refresh(): Promise<void> {
    const db = this.#db;
    if (!db) return;
    const generation = ++this.#generation;
    let quizzes: readonly PlayableQuiz[] = [];
    try {
      if ((await db.count('ownQuizzes')) > 0) {
        const { readOwnCatalog } = await import('./ownQuestions');
        quizzes = await readOwnCatalog(db);
      }
    } catch (error) {
      // A list that cannot be read now keeps what it showed; the storage notices say why.
      console.error('Could not read the own quizzes', error);
      return;
    }
    if (generation === this.#generation) this.quizzes = quizzes;
  }

  find(id: string): PlayableQuiz | undefined {
    return this.quizzes.find((quiz) => quiz.id === id);
  }
}

export const ownCatalog = new OwnCatalog();
