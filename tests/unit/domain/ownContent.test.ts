import { describe, expect, test } from 'vitest';
import { questionSchema } from '../../../src/lib/content/content.schema';
import {
  checkPack,
  emptyOwnQuizInput,
  filterQuestions,
  makePack,
  quizFromInput,
  quizInputOf,
  ownQuizPool,
  ownSources,
  planPackImport,
  toPlayable,
  toPlayableQuiz,
} from '../../../src/lib/domain/ownContent';
import {
  bankSchema,
  newQuestionId,
  ownQuestionSchema,
  questionDraftSchema,
  type Bank,
  type OwnQuestion,
  type OwnQuiz,
} from '../../../src/lib/domain/ownContent.schema';
import { isCorrect } from '../../../src/lib/domain/scoring';

const now = new Date('2026-11-02T03:00:00.000Z');
const at = (day: number) => new Date(Date.UTC(2026, 9, day, 2)).toISOString();

function question(overrides: Partial<OwnQuestion> = {}): OwnQuestion {
  if (overrides.type === 'true-false')
    return {
      id: newQuestionId(),
      topic: 'law',
      audiences: ['thcs'],
      language: 'vi',
      prompt: 'Câu đúng hay sai?',
      explanation: '',
      answer: true,
      ...overrides,
    } as OwnQuestion;
  return {
    id: newQuestionId(),
    type: 'single',
    topic: 'action-month',
    audiences: ['thcs'],
    language: 'vi',
    prompt: 'Ngày Quốc tế phòng, chống ma túy là ngày nào?',
    explanation: 'Ngày 26/6 hằng năm.',
    options: [
      { id: 'a', text: '26/6', correct: true },
      { id: 'b', text: '1/6', correct: false },
    ],
    ...overrides,
  } as OwnQuestion;
}

function bank(questions: OwnQuestion[], updatedAt = at(10)): Bank {
  return {
    id: crypto.randomUUID(),
    title: 'Rung chuông vàng',
    description: '',
    questions,
    createdAt: at(1),
    updatedAt,
  };
}

function quiz(bankIds: string[], overrides: Partial<OwnQuiz> = {}): OwnQuiz {
  return {
    id: `own-${crypto.randomUUID()}`,
    title: 'Vòng loại',
    description: '',
    audience: 'thcs',
    bankIds,
    practice: { questionCount: 10 },
    contest: { questionCount: 20, timeLimitSeconds: 600 },
    createdAt: at(2),
    updatedAt: at(2),
    ...overrides,
  };
}

describe('own questions', () => {
  test('A question needs exactly one right option for single choice, and two right and one wrong for multiple', () => {
    const draft = { type: 'single', prompt: 'Câu?', explanation: '' };
    const options = (...correct: boolean[]) =>
      correct.map((c, i) => ({ id: 'abcdef'[i], text: `Ý ${i}`, correct: c }));
    expect(questionDraftSchema.safeParse({ ...draft, options: options(true, false) }).success).toBe(true);
    expect(questionDraftSchema.safeParse({ ...draft, options: options(true, true) }).success).toBe(false);
    const multiple = { ...draft, type: 'multiple' };
    expect(questionDraftSchema.safeParse({ ...multiple, options: options(true, true, false) }).success).toBe(
      true,
    );
    expect(questionDraftSchema.safeParse({ ...multiple, options: options(true, true, true) }).success).toBe(
      false,
    );
    // Options are a, b, c… in order: the player and the print view letter them so.
    const skipped = options(true, false).map((o, i) => ({ ...o, id: i === 1 ? 'c' : o.id }));
    expect(questionDraftSchema.safeParse({ ...draft, options: skipped }).success).toBe(false);
  });

  test('An own question plays as a bundled one: it parses with the content schema once it has a source, and scores the same', () => {
    const own = question({ source: { kind: 'text', text: 'Tài liệu của Phòng GD&ĐT, 2026' } });
    expect(ownQuestionSchema.safeParse(own).success).toBe(true);
    const playable = toPlayable(own);
    expect(questionSchema.safeParse(playable).success).toBe(true);
    expect(isCorrect(playable, ['a'])).toBe(true);
    expect(isCorrect(playable, ['b'])).toBe(false);
    // The free-text source is a source entry of its own, shown by the same list as bundled ones.
    const [citation] = playable.sources;
    expect(ownSources([bank([own])]).get(citation?.source ?? '')?.title.vi).toBe(
      'Tài liệu của Phòng GD&ĐT, 2026',
    );
    // A bundled source is cited as it is; none at all leaves no citation rather than a made-up one.
    expect(toPlayable(question({ source: { kind: 'bundled', id: 'luat-pcmt-2021' } })).sources).toEqual([
      { source: 'luat-pcmt-2021' },
    ]);
    expect(toPlayable(question()).sources).toEqual([]);
  });

  test('A true/false question keeps its answer, and text is shown as the author wrote it in every language', () => {
    const own = question({
      type: 'true-false',
      answer: false,
      language: 'en',
      prompt: 'Heated tobacco is harmless.',
    } as never);
    const playable = toPlayable(own);
    expect(playable).toMatchObject({
      type: 'true-false',
      answer: false,
      prompt: { vi: 'Heated tobacco is harmless.', en: 'Heated tobacco is harmless.' },
    });
  });
});

describe('own quizzes', () => {
  test('A quiz draws from every question of its banks, or from its fixed list, in bank order', () => {
    const first = bank([question(), question(), question()]);
    const second = bank([question()]);
    const all = quiz([first.id, second.id]);
    expect(ownQuizPool(all, [second, first]).map((q) => q.id)).toEqual(
      [...first.questions, ...second.questions].map((q) => q.id),
    );
    const fixed = quiz([first.id], { questionIds: [first.questions[2]!.id, first.questions[0]!.id] });
    expect(ownQuizPool(fixed, [first]).map((q) => q.id)).toEqual([
      first.questions[0]!.id,
      first.questions[2]!.id,
    ]);
  });

  test('A quiz never asks more questions than its pool holds', () => {
    const small = bank([question(), question()]);
    expect(toPlayableQuiz(quiz([small.id]), [small])).toMatchObject({
      poolSize: 2,
      practice: { questionCount: 2 },
      contest: { questionCount: 2, timeLimitSeconds: 600 },
    });
  });
});

describe('packs', () => {
  const check = (pack: unknown, existing: Bank[] = []) => checkPack(JSON.stringify(pack), existing, now);

  test('A pack made on one device reads back whole on another, with every question unchanged', () => {
    const b = bank([question(), question({ type: 'true-false', answer: true } as never)]);
    const q = quiz([b.id]);
    const pack = makePack('Trường THCS Đông Ngàn', [b], [q], now);
    const read = checkPack(JSON.stringify(pack), [], now);
    expect(read).toEqual({ ok: true, pack });
    if (read.ok) expect(bankSchema.parse({ ...read.pack.banks[0] })).toEqual(b);
  });

  test('What is not a pack, a newer format, a damaged question or an empty pack is refused with its reason', () => {
    const b = bank([question()]);
    const good = makePack('Đoàn xã', [b], [], now);
    expect(checkPack('{', [], now)).toEqual({ ok: false, problem: { kind: 'not-json' } });
    expect(check({ format: 'chung-tay/statistics', version: 1 })).toEqual({
      ok: false,
      problem: { kind: 'not-pack' },
    });
    expect(check({ ...good, version: 2 })).toEqual({
      ok: false,
      problem: { kind: 'newer-version', version: 2 },
    });
    const damaged = structuredClone(good);
    (damaged.banks[0]!.questions[0] as { options: unknown[] }).options = [];
    expect(check(damaged)).toEqual({
      ok: false,
      problem: { kind: 'invalid', where: 'banks, 1, questions, 1, options' },
    });
    expect(check({ ...good, banks: [] })).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  test('Markup in a pack stays text: a prompt with a script tag is kept as the characters it is', () => {
    const b = bank([question({ prompt: '<img src=x onerror=alert(1)> Câu hỏi' })]);
    const read = check(makePack('Đoàn xã', [b], [], now));
    expect(read.ok && read.pack.banks[0]!.questions[0]!.prompt).toBe('<img src=x onerror=alert(1)> Câu hỏi');
  });

  test('A question id twice, a quiz whose bank is nowhere, or a time from the future is refused', () => {
    const shared = question();
    const twice = makePack('Đoàn xã', [bank([shared]), bank([shared])], [], now);
    expect(check(twice)).toMatchObject({ ok: false, problem: { kind: 'duplicate-id' } });
    const orphan = makePack('Đoàn xã', [], [quiz([crypto.randomUUID()])], now);
    expect(check(orphan)).toMatchObject({ ok: false, problem: { kind: 'missing-bank', title: 'Vòng loại' } });
    const here = bank([question()]);
    // A quiz may draw on a bank the device already has.
    expect(check(makePack('Đoàn xã', [], [quiz([here.id])], now), [here])).toMatchObject({ ok: true });
    const future = makePack('Đoàn xã', [bank([question()], '2099-01-01T00:00:00.000Z')], [], now);
    expect(check(future)).toMatchObject({ ok: false, problem: { kind: 'future' } });
  });

  test('Importing a pack adds what is new, the same pack again changes nothing, and a newer one replaces after listing what changes', () => {
    const original = bank([question(), question(), question()]);
    const q = quiz([original.id]);
    const first = planPackImport(makePack('Phòng GD&ĐT', [original], [q], now), [], [], now);
    expect(first.replaces).toBe(false);
    expect(first.bankChanges).toEqual([
      { title: original.title, state: 'new', added: 3, removed: 0, changed: 0 },
    ]);
    expect(first.banks[0]?.origin).toEqual({
      unitName: 'Phòng GD&ĐT',
      exportedAt: now.toISOString(),
      importedAt: now.toISOString(),
    });
    const stored = first.banks;

    const again = planPackImport(makePack('Phòng GD&ĐT', [original], [q], now), stored, first.quizzes, now);
    expect([again.banks, again.quizzes, again.replaces]).toEqual([[], [], false]);
    expect(again.bankChanges[0]?.state).toBe('same');

    const [kept, edited] = original.questions;
    const newer: Bank = {
      ...original,
      questions: [kept!, { ...edited!, prompt: 'Câu đã sửa' }, question()],
      updatedAt: at(20),
    };
    const update = planPackImport(makePack('Phòng GD&ĐT', [newer], [], now), stored, first.quizzes, now);
    expect(update.replaces).toBe(true);
    expect(update.bankChanges).toEqual([
      { title: newer.title, state: 'newer', added: 1, removed: 1, changed: 1 },
    ]);
    expect(update.banks[0]?.questions).toEqual(newer.questions);

    // An older export of it changes nothing.
    const older = planPackImport(makePack('Phòng GD&ĐT', [original], [], now), update.banks, [], now);
    expect([older.banks, older.bankChanges[0]?.state]).toEqual([[], 'older']);
  });
});

describe('searching a bank', () => {
  test('A search ignores diacritics and case, each word beginning a word, and a type narrows it', () => {
    const about = question({ prompt: 'Ma túy “núp bóng” thường được ngụy trang thế nào?' });
    const tf = question({ type: 'true-false', prompt: 'Thuốc lá điện tử là vô hại.' } as never);
    const questions = [about, tf];
    expect(filterQuestions(questions, { query: 'NUP BONG', type: 'all' })).toEqual([about]);
    expect(filterQuestions(questions, { query: 'dien tu', type: 'all' })).toEqual([tf]);
    expect(filterQuestions(questions, { query: 'ong', type: 'all' })).toEqual([]);
    expect(filterQuestions(questions, { query: '', type: 'true-false' })).toEqual([tf]);
    // The options and the explanation are searched too.
    expect(filterQuestions(questions, { query: '26/6', type: 'all' })).toEqual([about]);
  });
});

describe('building a quiz', () => {
  const base = { id: 'own-00000000-0000-4000-9000-0000000000aa', createdAt: at(3), updatedAt: at(3) };

  test('A quiz of every question of the chosen banks, with its counts and time, is made from the builder’s fields', () => {
    const b = bank([question(), question(), question()]);
    const input = { ...emptyOwnQuizInput([b.id]), title: ' Vòng loại ', audience: 'thcs' as const };
    const made = quizFromInput(
      { ...input, practiceCount: '2', contestCount: '3', contestMinutes: '5' },
      [b],
      base,
    );
    expect(made.quiz).toMatchObject({
      title: 'Vòng loại',
      bankIds: [b.id],
      practice: { questionCount: 2 },
      contest: { questionCount: 3, timeLimitSeconds: 300 },
    });
    expect(made.quiz && 'questionIds' in made.quiz).toBe(false);
    expect(quizInputOf(made.quiz!)).toMatchObject({
      title: 'Vòng loại',
      contestMinutes: '5',
      selection: 'all',
    });
  });

  test('A fixed list keeps the ticked questions in bank order; asking more than the pool holds is refused', () => {
    const b = bank([question(), question(), question()]);
    const [q1, , q3] = b.questions;
    const input = {
      ...emptyOwnQuizInput([b.id]),
      title: 'Chọn câu',
      audience: 'thpt' as const,
      selection: 'chosen' as const,
      questionIds: [q3!.id, q1!.id],
      practiceCount: '2',
      contestCount: '3',
    };
    expect(quizFromInput(input, [b], base).problems).toEqual({ contestCount: 'moreThanPool' });
    expect(quizFromInput({ ...input, contestCount: '2' }, [b], base).quiz?.questionIds).toEqual([
      q1!.id,
      q3!.id,
    ]);
  });

  test('Every missing or wrong field is named at once', () => {
    expect(
      quizFromInput(
        { ...emptyOwnQuizInput(), practiceCount: 'mười', contestCount: '0', contestMinutes: '999' },
        [],
        base,
      ).problems,
    ).toEqual({
      title: 'required',
      audience: 'required',
      bankIds: 'required',
      practiceCount: 'count',
      contestCount: 'count',
      contestMinutes: 'minutes',
    });
  });
});
