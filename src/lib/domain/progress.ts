/**
 * A learner's progress, computed from their finished attempts: best and last score per
 * quiz, and per topic what is mastered and what to review.
 */
import { attemptPercent, type Attempt } from './attempt.schema';

export interface QuizSummary {
  quizId: string;
  attempts: number;
  /** Best full attempt: highest score, then the shorter time (as national contests rank). */
  best: Attempt | null;
  /** Most recent full attempt. */
  last: Attempt | null;
}

const isFull = (a: Attempt) => a.scope === 'full';

/** Better first: higher percentage, then shorter duration, then earlier. */
export function compareAttempts(a: Attempt, b: Attempt): number {
  return (
    attemptPercent(b) - attemptPercent(a) ||
    a.durationMs - b.durationMs ||
    a.finishedAt.localeCompare(b.finishedAt)
  );
}

export function bestAttempt(attempts: readonly Attempt[]): Attempt | null {
  const full = attempts.filter(isFull);
  return full.length === 0 ? null : ([...full].sort(compareAttempts)[0] ?? null);
}

export function lastAttempt(attempts: readonly Attempt[]): Attempt | null {
  let last: Attempt | null = null;
  for (const attempt of attempts) {
    if (isFull(attempt) && (!last || attempt.finishedAt > last.finishedAt)) last = attempt;
  }
  return last;
}

/** One summary per quiz that has attempts, in the order of `quizOrder` (unknown quizzes last). */
export function summarizeQuizzes(
  attempts: readonly Attempt[],
  quizOrder: readonly string[] = [],
): QuizSummary[] {
  const byQuiz = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    const list = byQuiz.get(attempt.quizId) ?? [];
    list.push(attempt);
    byQuiz.set(attempt.quizId, list);
  }
  const rank = (id: string) => {
    const index = quizOrder.indexOf(id);
    return index === -1 ? quizOrder.length : index;
  };
  return [...byQuiz.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([quizId, list]) => ({
      quizId,
      attempts: list.length,
      best: bestAttempt(list),
      last: lastAttempt(list),
    }));
}

export const masteryStatuses = ['mastered', 'review', 'not-started'] as const;
export type MasteryStatus = (typeof masteryStatuses)[number];

export interface TopicMastery {
  topic: string;
  /** Distinct questions of the topic the learner has answered. */
  seen: number;
  /** Of those, how many their latest answer got right. */
  correct: number;
  status: MasteryStatus;
  /** Questions whose latest answer was wrong, to practise again. */
  toReview: string[];
}

/** A topic is mastered when at least this many distinct questions were seen… */
export const masteryMinSeen = 3;
/** …and at least this share of their latest answers is right. */
export const masteryThreshold = 0.8;

/**
 * Mastery per topic from the latest answer to each question, so a question once missed
 * and later answered right no longer needs review. Topics in `topics` with no answers are
 * listed as not started.
 */
export function topicMastery(attempts: readonly Attempt[], topics: readonly string[] = []): TopicMastery[] {
  const latest = new Map<string, { topic: string; correct: boolean; at: string }>();
  for (const attempt of attempts) {
    for (const answer of attempt.answers) {
      const previous = latest.get(answer.questionId);
      if (!previous || attempt.finishedAt >= previous.at) {
        latest.set(answer.questionId, {
          topic: answer.topic,
          correct: answer.correct,
          at: attempt.finishedAt,
        });
      }
    }
  }
  const byTopic = new Map<string, TopicMastery>(
    topics.map((topic) => [topic, { topic, seen: 0, correct: 0, status: 'not-started', toReview: [] }]),
  );
  for (const [questionId, answer] of latest) {
    const entry = byTopic.get(answer.topic) ?? {
      topic: answer.topic,
      seen: 0,
      correct: 0,
      status: 'not-started' as const,
      toReview: [],
    };
    entry.seen += 1;
    if (answer.correct) entry.correct += 1;
    else entry.toReview.push(questionId);
    byTopic.set(answer.topic, entry);
  }
  for (const entry of byTopic.values()) {
    if (entry.seen === 0) entry.status = 'not-started';
    else
      entry.status =
        entry.seen >= masteryMinSeen && entry.correct / entry.seen >= masteryThreshold
          ? 'mastered'
          : 'review';
    entry.toReview.sort();
  }
  return [...byTopic.values()];
}
