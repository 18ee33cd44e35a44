/**
 * The question bank and the sources it cites, loaded on first use (the bank is the largest
 * part of the quiz content) and kept.
 */
import type { Question, Source } from '../../lib/content/content.schema';
import type { Database } from '../../lib/storage/connection';

export interface Bank {
  questions: ReadonlyMap<string, Question>;
  sources: ReadonlyMap<string, Source>;
  /** All questions, in bank order (for drawing pools). */
  all: readonly Question[];
}

let loading: Promise<Bank> | null = null;

export function loadBank(): Promise<Bank> {
  loading ??= Promise.all([import('virtual:content/bank'), loadSources()]).then(
    ([{ default: questions }, sources]) => ({
      questions: new Map(questions.map((q) => [q.id, q])),
      sources,
      all: questions,
    }),
  );
  return loading;
}

/**
 * The bundled bank with the unit's own questions added, for playing and reviewing any quiz.
 * Own banks are read each time (they change as a teacher edits them); their code loads only
 * on a device that has some.
 */
export async function loadBankWithOwn(db: Database): Promise<Bank> {
  const [bundled, ownBanks] = await Promise.all([loadBank(), db.count('banks')]);
  if (ownBanks === 0) return bundled;
  const { withOwnQuestions } = await import('./ownQuestions');
  return withOwnQuestions(db, bundled);
}

let loadingSources: Promise<ReadonlyMap<string, Source>> | null = null;

/** The sources questions and materials cite, by id. */
export function loadSources(): Promise<ReadonlyMap<string, Source>> {
  loadingSources ??= import('virtual:content/sources').then(
    ({ default: sources }) => new Map(sources.map((s) => [s.id, s])),
  );
  return loadingSources;
}
