/**
 * The question bank and the sources it cites, loaded on first use (the bank is the largest
 * part of the quiz content) and kept.
 */
import type { Question, Source } from '../../lib/content/content.schema';

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

let loadingSources: Promise<ReadonlyMap<string, Source>> | null = null;

/** The sources questions and materials cite, by id. */
export function loadSources(): Promise<ReadonlyMap<string, Source>> {
  loadingSources ??= import('virtual:content/sources').then(
    ({ default: sources }) => new Map(sources.map((s) => [s.id, s])),
  );
  return loadingSources;
}
