/**
 * Builders for test data: a valid default for every shape, overridden per test, so tests
 * say only what matters to them.
 */
import type { Question } from '../src/lib/content/content.schema';
import type { Attempt, AttemptAnswer } from '../src/lib/domain/attempt.schema';
import type { Profile } from '../src/lib/domain/profile.schema';
import type { QuizSession } from '../src/lib/domain/quizSession.schema';

let counter = 0;
const nextUuid = () => {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
};

export function makeQuestion(overrides: Partial<Question> & { type?: Question['type'] } = {}): Question {
  const base = {
    id: `q-${(counter += 1)}`,
    topic: 'law',
    audiences: ['thcs'] as Question['audiences'],
    prompt: { vi: 'Câu hỏi?', en: 'Question?' },
    explanation: { vi: 'Giải thích.', en: 'Explanation.' },
    sources: [{ source: 'luat-pcmt-2021' }],
  };
  const type = overrides.type ?? 'single';
  const options = (correct: string[]) =>
    ['a', 'b', 'c', 'd'].map((id) => ({ id, text: { vi: id, en: id }, correct: correct.includes(id) }));
  const byType: Record<Question['type'], Question> = {
    single: { ...base, type: 'single', options: options(['a']) },
    multiple: { ...base, type: 'multiple', options: options(['a', 'c']) },
    'true-false': { ...base, type: 'true-false', answer: true },
    scenario: {
      ...base,
      type: 'scenario',
      scenario: { vi: 'Tình huống', en: 'Situation' },
      options: options(['b']),
    },
  };
  return { ...byType[type], ...overrides } as Question;
}

export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return { id: nextUuid(), nickname: 'Lan', createdAt: '2026-09-05T08:00:00.000Z', ...overrides };
}

export function makeAnswer(overrides: Partial<AttemptAnswer> = {}): AttemptAnswer {
  return { questionId: 'law-01', topic: 'law', chosen: ['a'], correct: true, ...overrides };
}

export function makeAttempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: nextUuid(),
    profileId: '00000000-0000-4000-8000-00000000aaaa',
    quizId: 'thcs',
    mode: 'practice',
    scope: 'full',
    startedAt: '2026-10-01T08:00:00.000Z',
    finishedAt: '2026-10-01T08:05:00.000Z',
    durationMs: 300_000,
    timedOut: false,
    answers: [makeAnswer()],
    ...overrides,
  };
}

export function makeSession(overrides: Partial<QuizSession> = {}): QuizSession {
  return {
    profileId: '00000000-0000-4000-8000-00000000aaaa',
    quizId: 'thcs',
    mode: 'practice',
    scope: 'full',
    questionIds: ['law-01', 'law-02'],
    answers: {},
    revealed: [],
    currentIndex: 0,
    elapsedMs: 0,
    timeLimitMs: null,
    startedAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
    ...overrides,
  };
}
