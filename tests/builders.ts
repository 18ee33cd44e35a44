/**
 * Builders for test data: a valid default for every shape, overridden per test, so tests
 * say only what matters to them.
 */
import type { Question } from '../src/lib/content/content.schema';
import type { Attempt, AttemptAnswer } from '../src/lib/domain/attempt.schema';
import { statisticsFileKind, statisticsFormatVersion, type StatisticsFile } from '../src/lib/domain/exchange';
import type {
  CampaignActivityEntry,
  LedgerEntry,
  SchoolActivityEntry,
  SessionEntry,
} from '../src/lib/domain/ledger.schema';
import type { Profile } from '../src/lib/domain/profile.schema';
import type { QuizSession } from '../src/lib/domain/quizSession.schema';
import {
  keyFigures,
  participantsByAudience,
  participantsByMonth,
  participantsByUnit,
  scoreDistribution,
} from '../src/lib/domain/statistics';
import type { Unit } from '../src/lib/domain/unit.schema';

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

const stamp = '2027-03-01T08:00:00.000Z';

export function makeUnit(overrides: Partial<Unit> = {}): Unit {
  return {
    id: nextUuid(),
    name: 'Công ty TNHH May Minh Anh',
    kind: 'enterprise',
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

export function makeSessionEntry(overrides: Partial<SessionEntry> = {}): SessionEntry {
  return {
    id: nextUuid(),
    kind: 'session',
    unitId: '00000000-0000-4000-8000-00000000bbbb',
    date: '2027-03-10',
    audience: 'workers',
    participants: 40,
    women: 25,
    durationMinutes: 45,
    topics: [],
    materials: [],
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

/** `participants` is the classes' sum unless given. */
export function makeSchoolActivity(overrides: Partial<SchoolActivityEntry> = {}): SchoolActivityEntry {
  const classes = overrides.classes ?? [{ unitId: '00000000-0000-4000-8000-00000000cccc', students: 35 }];
  return {
    id: nextUuid(),
    kind: 'school-activity',
    unitId: '00000000-0000-4000-8000-00000000dddd',
    date: '2027-03-12',
    activity: 'flag-salute',
    audience: 'thcs',
    classes,
    participants: classes.reduce((sum, c) => sum + c.students, 0),
    topics: [],
    materials: [],
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

export function makeCampaignActivity(overrides: Partial<CampaignActivityEntry> = {}): CampaignActivityEntry {
  return {
    id: nextUuid(),
    kind: 'campaign-activity',
    unitId: '00000000-0000-4000-8000-00000000bbbb',
    campaignId: '00000000-0000-4000-8000-00000000eeee',
    date: '2027-06-02',
    activity: 'launch',
    title: 'Lễ phát động Tháng hành động',
    participants: 320,
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

/**
 * A statistics file as a unit sends it for a roll-up: `exporter` and the detail (`records`,
 * `units`), with figures and series computed from the records.
 */
export function makeStatisticsFile(
  exporter: Unit,
  records: LedgerEntry[],
  units: Unit[],
  overrides: Partial<StatisticsFile> = {},
): StatisticsFile {
  const figures = keyFigures(records, []);
  return {
    kind: statisticsFileKind,
    formatVersion: statisticsFormatVersion,
    exportingUnit: { id: exporter.id, name: exporter.name, kind: exporter.kind },
    exportedAt: '2027-07-01T03:00:00.000Z',
    filter: { from: '2027-01-01', to: '2027-06-30', unitId: exporter.id, audience: '', kind: '' },
    figures: {
      records: figures.records,
      sessions: figures.sessions,
      participants: figures.participants,
      women: figures.women,
      students: figures.students,
      classes: 0,
      classesReached: 0,
      enrolled: 0,
      studentsReached: 0,
      attempts: 0,
      averageScore: null,
      checkBefore: figures.check.before.share,
      checkAfter: figures.check.after.share,
    },
    byMonth: participantsByMonth(records),
    byAudience: participantsByAudience(records),
    byUnit: participantsByUnit(records, units, exporter.id).map((row) => ({
      ...row,
      name: units.find((u) => u.id === row.unitId)?.name ?? '',
    })),
    scores: scoreDistribution([]),
    units,
    records,
    ...overrides,
  };
}
