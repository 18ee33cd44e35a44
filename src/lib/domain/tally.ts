/**
 * Room answers counted by hand (a show of hands, ABCD cards): totals, the share who chose
 * the right option, and the before/after comparison of a session's knowledge check.
 */
import type { QuestionTallies, Tallies } from './ledger.schema';

export function tallyTotal(tallies: Tallies): number {
  return Object.values(tallies).reduce((sum, n) => sum + n, 0);
}

export interface Share {
  correct: number;
  answered: number;
  /** correct / answered, or null when nobody answered ("no data", not 0 %). */
  share: number | null;
}

function share(correct: number, answered: number): Share {
  return { correct, answered, share: answered > 0 ? correct / answered : null };
}

/** How many chose a right option, of those who answered. */
export function shareCorrect({ correct, tallies }: Pick<QuestionTallies, 'correct' | 'tallies'>): Share {
  const right = correct.reduce((sum, id) => sum + (tallies[id] ?? 0), 0);
  return share(right, tallyTotal(tallies));
}

export interface CheckComparison {
  questions: Array<{ questionId: string; before: Share; after: Share }>;
  before: Share;
  after: Share;
  /** After minus before, in share points (0.25 = 25 points), when both are known. */
  change: number | null;
}

const sum = (shares: Share[]) =>
  share(
    shares.reduce((total, s) => total + s.correct, 0),
    shares.reduce((total, s) => total + s.answered, 0),
  );

/**
 * The check's result per question and overall. Overall is all right answers over all
 * answers, so a question fewer people answered weighs less. Questions asked only once
 * are listed with "no data" on the other side and left out of the overall comparison.
 */
export function compareCheck(
  before: readonly QuestionTallies[],
  after: readonly QuestionTallies[],
): CheckComparison {
  const ids = [...new Set([...before, ...after].map((q) => q.questionId))];
  const questions = ids.map((questionId) => {
    const b = before.find((q) => q.questionId === questionId);
    const a = after.find((q) => q.questionId === questionId);
    return {
      questionId,
      before: b ? shareCorrect(b) : share(0, 0),
      after: a ? shareCorrect(a) : share(0, 0),
    };
  });
  const both = questions.filter((q) => q.before.answered > 0 && q.after.answered > 0);
  const overallBefore = sum(both.map((q) => q.before));
  const overallAfter = sum(both.map((q) => q.after));
  return {
    questions,
    before: overallBefore,
    after: overallAfter,
    change:
      overallBefore.share === null || overallAfter.share === null
        ? null
        : overallAfter.share - overallBefore.share,
  };
}

export type TallyProblem = 'not-a-count' | 'more-than-present';

/** A tally entry must be a whole number ≥ 0, and a question's counts no more than the people present. */
export function checkTallies(tallies: Tallies, present: number | undefined): TallyProblem | null {
  if (Object.values(tallies).some((n) => !Number.isInteger(n) || n < 0)) return 'not-a-count';
  if (present !== undefined && tallyTotal(tallies) > present) return 'more-than-present';
  return null;
}
