/**
 * The question bank, loaded on first use (it is the largest part of the content) and kept.
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
  loading ??= import('virtual:content/bank').then(({ default: bank }) => ({
    questions: new Map(bank.questions.map((q) => [q.id, q])),
    sources: new Map(bank.sources.map((s) => [s.id, s])),
    all: bank.questions,
  }));
  return loading;
}
