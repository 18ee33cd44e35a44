/**
 * A learner's progress, folded from their finished attempts one at a time: best (per mode) and last
 * score per quiz, and per topic what is mastered and what to review. Folding one attempt
 * into the summary gives the same result as computing it from all attempts at once, which
 * the tests check; that is what lets storage keep the summary up to date cheaply.
 */
import { attemptScore, type Attempt } from './attempt.schema';
import type { AttemptHead, Progress, QuizProgress } from './progress.schema';

export function emptyProgress(profileId: string): Progress {
  return { profileId, attemptCount: 0, quizzes: {}, questions: {} };
}

function emptyQuizProgress(): QuizProgress {
  return { attempts: 0, best: { practice: null, contest: null }, last: null };
}

export function attemptHead(attempt: Attempt): AttemptHead {
  const { correct, total } = attemptScore(attempt);
  return {
    id: attempt.id,
    mode: attempt.mode,
    finishedAt: attempt.finishedAt,
    durationMs: attempt.durationMs,
    correct,
    total,
  };
}

/** Score as a whole percentage, 0–100. */
export function headPercent(head: Pick<AttemptHead, 'correct' | 'total'>): number {
  return head.total === 0 ? 0 : Math.round((head.correct / head.total) * 100);
}

/** Better first: higher percentage, then shorter time (as national contests rank), then earlier. */
export function compareHeads(a: AttemptHead, b: AttemptHead): number {
  return (
    headPercent(b) - headPercent(a) || a.durationMs - b.durationMs || a.finishedAt.localeCompare(b.finishedAt)
  );
}

/** The summary with one more finished attempt in it. Attempts may be folded in any order. */
export function addAttempt(progress: Progress, attempt: Attempt): Progress {
  const previous: QuizProgress = progress.quizzes[attempt.quizId] ?? emptyQuizProgress();
  const quiz: QuizProgress = { ...previous, best: { ...previous.best }, attempts: previous.attempts + 1 };
  if (attempt.scope === 'full') {
    const head = attemptHead(attempt);
    const best = quiz.best[attempt.mode];
    if (!best || compareHeads(head, best) < 0) quiz.best[attempt.mode] = head;
    if (!quiz.last || head.finishedAt >= quiz.last.finishedAt) quiz.last = head;
  }
  const questions = { ...progress.questions };
  for (const answer of attempt.answers) {
    const latest = questions[answer.questionId];
    if (!latest || attempt.finishedAt >= latest.at) {
      questions[answer.questionId] = { topic: answer.topic, correct: answer.correct, at: attempt.finishedAt };
    }
  }
  return {
    ...progress,
    attemptCount: progress.attemptCount + 1,
    quizzes: { ...progress.quizzes, [attempt.quizId]: quiz },
    questions,
  };
}

export function progressFrom(profileId: string, attempts: readonly Attempt[]): Progress {
  return attempts.reduce(addAttempt, emptyProgress(profileId));
}

export interface QuizSummary extends QuizProgress {
  quizId: string;
}

/** One summary per quiz that has attempts, in the order of `quizOrder` (unknown quizzes last). */
export function summarizeQuizzes(progress: Progress, quizOrder: readonly string[] = []): QuizSummary[] {
  const rank = (id: string) => {
    const index = quizOrder.indexOf(id);
    return index === -1 ? quizOrder.length : index;
  };
  return Object.entries(progress.quizzes)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([quizId, quiz]) => ({ quizId, ...quiz }));
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
export function topicMastery(progress: Progress, topics: readonly string[] = []): TopicMastery[] {
  const byTopic = new Map<string, TopicMastery>(
    topics.map((topic) => [topic, { topic, seen: 0, correct: 0, status: 'not-started', toReview: [] }]),
  );
  for (const [questionId, answer] of Object.entries(progress.questions)) {
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
