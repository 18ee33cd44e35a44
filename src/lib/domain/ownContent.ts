/**
 * Rules of a unit's own content: turning own questions into what the player plays, drawing an
 * own quiz's pool, and sharing banks and quizzes as pack files (`chung-tay/pack`).
 *
 * A pack carries whole banks and quizzes with their ids (UUIDs, the same on every device) and
 * their `updatedAt`. Importing one follows the roll-up's merge rule (`rollup.ts`: `planMerge`):
 * a bank or quiz not on the device is added; one whose `updatedAt` is later than the device's
 * copy replaces it (after a confirmation that lists what changes); the same or an older one
 * changes nothing. So importing the same pack again changes nothing, and a newer export of
 * the same bank replaces the older one.
 */
import * as z from 'zod/mini';
import { foldForSearch, matchesQuery } from '../text';
import type { Citation, LocalizedText, Question, Source } from '../content/content.schema';
import type { Audience } from '../content/ids';
import {
  bankSchema,
  ownLimits,
  ownQuizSchema,
  type Bank,
  type OwnQuestion,
  type OwnQuiz,
  type QuestionDraft,
} from './ownContent.schema';

/** Own text in its one language, as the player's localized text (shown whatever the interface language). */
function localized(text: string): LocalizedText {
  return { vi: text, en: text };
}

/** The id of the made-up source entry that carries an own question's free-text source. */
export const ownSourceId = (questionId: string): string => `src-${questionId}`;

/** An own question as the player, the scoring and the review take it. */
export function toPlayable(question: OwnQuestion): Question {
  const sources: Citation[] = !question.source
    ? []
    : [{ source: question.source.kind === 'bundled' ? question.source.id : ownSourceId(question.id) }];
  const base = {
    id: question.id,
    topic: question.topic,
    audiences: question.audiences,
    prompt: localized(question.prompt),
    explanation: localized(question.explanation),
    sources,
  };
  switch (question.type) {
    case 'true-false':
      return { ...base, type: 'true-false', answer: question.answer };
    case 'scenario':
      return {
        ...base,
        type: 'scenario',
        scenario: localized(question.scenario),
        options: question.options.map((o) => ({ ...o, text: localized(o.text) })),
      };
    default:
      return {
        ...base,
        type: question.type,
        options: question.options.map((o) => ({ ...o, text: localized(o.text) })),
      };
  }
}

/** The source entries own questions' free-text sources stand for, by id (bundled ones are in the bundled list). */
export function ownSources(banks: readonly Bank[]): Map<string, Source> {
  const sources = new Map<string, Source>();
  for (const bank of banks)
    for (const question of bank.questions)
      if (question.source?.kind === 'text') {
        const id = ownSourceId(question.id);
        sources.set(id, { id, title: localized(question.source.text) });
      }
  return sources;
}

/** The questions an own quiz draws from: its fixed list, or every question of its banks, in bank order. */
export function ownQuizPool(
  quiz: Pick<OwnQuiz, 'bankIds' | 'questionIds'>,
  banks: readonly Bank[],
): OwnQuestion[] {
  const byId = new Map(banks.map((bank) => [bank.id, bank]));
  const all = quiz.bankIds.flatMap((id) => byId.get(id)?.questions ?? []);
  if (!quiz.questionIds) return all;
  const chosen = new Set(quiz.questionIds);
  return all.filter((question) => chosen.has(question.id));
}

/** An own quiz in the shape the quiz list and the player use for bundled quizzes. */
export interface PlayableQuiz {
  id: string;
  audience: Audience;
  title: LocalizedText;
  description: LocalizedText;
  practice: { questionCount: number };
  contest: { questionCount: number; timeLimitSeconds: number };
  poolSize: number;
  /** Set for a unit's own quiz: marked so on the list. */
  own?: { origin?: OwnQuiz['origin'] };
}

export function toPlayableQuiz(quiz: OwnQuiz, banks: readonly Bank[]): PlayableQuiz {
  const poolSize = ownQuizPool(quiz, banks).length;
  return {
    id: quiz.id,
    audience: quiz.audience,
    title: localized(quiz.title),
    description: localized(quiz.description || quiz.title),
    // Never more than the pool holds: a bank may have lost questions since the quiz was built.
    practice: { questionCount: Math.min(quiz.practice.questionCount, Math.max(poolSize, 1)) },
    contest: { ...quiz.contest, questionCount: Math.min(quiz.contest.questionCount, Math.max(poolSize, 1)) },
    poolSize,
    own: quiz.origin ? { origin: quiz.origin } : {},
  };
}

/** What a search of a bank looks through: the situation, prompt, options and explanation. */
export function questionText(question: OwnQuestion): string {
  const options = 'options' in question ? question.options.map((o) => o.text) : [];
  const scenario = question.type === 'scenario' ? [question.scenario] : [];
  return [...scenario, question.prompt, ...options, question.explanation].join(' ');
}

// Each question's folded text, made once per stored question (records are replaced, never changed).
const foldedText = new WeakMap<OwnQuestion, string>();

/**
 * The questions of a bank that match a search (diacritics and case ignored, each word
 * beginning a word: `lib/text.ts`) and a type, in bank order.
 */
export function filterQuestions(
  questions: readonly OwnQuestion[],
  filter: { query: string; type: OwnQuestion['type'] | 'all' },
): OwnQuestion[] {
  return questions.filter((question) => {
    if (filter.type !== 'all' && question.type !== filter.type) return false;
    let folded = foldedText.get(question);
    if (folded === undefined) {
      folded = foldForSearch(questionText(question));
      foldedText.set(question, folded);
    }
    return matchesQuery(folded, filter.query);
  });
}

// ——— Packs ———

export const packFormat = 'chung-tay/pack';
export const packVersion = 1;

/** A bank as a pack carries it: where it came from is told by the pack itself. */
const packedBankSchema = z.omit(bankSchema, { origin: true });
const packedQuizSchema = z.omit(ownQuizSchema, { origin: true });

export const packSchema = z.strictObject({
  format: z.literal(packFormat),
  version: z.literal(packVersion),
  exportedAt: z.iso.datetime(),
  /** The unit that made the pack, as it names itself. */
  unitName: z.string().check(z.trim(), z.minLength(1), z.maxLength(ownLimits.title)),
  banks: z.array(packedBankSchema).check(z.maxLength(100)),
  quizzes: z.array(packedQuizSchema).check(z.maxLength(500)),
});
export type Pack = z.infer<typeof packSchema>;

/** A pack of `banks` and `quizzes` (the banks every quiz draws from must be among `banks`). */
export function makePack(
  unitName: string,
  banks: readonly Bank[],
  quizzes: readonly OwnQuiz[],
  now: Date,
): Pack {
  const strip = <T extends { origin?: unknown }>({ origin: _origin, ...rest }: T) => rest;
  return {
    format: packFormat,
    version: packVersion,
    exportedAt: now.toISOString(),
    unitName,
    banks: banks.map(strip),
    quizzes: quizzes.map(strip),
  };
}

export type PackProblem =
  | { kind: 'not-json' }
  | { kind: 'not-pack' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'invalid'; where: string }
  | { kind: 'empty' }
  | { kind: 'duplicate-id'; title: string }
  | { kind: 'missing-bank'; title: string }
  | { kind: 'missing-question'; title: string }
  | { kind: 'future'; title: string };

/** Every kind of pack problem, each with a message under `banks.pack.problem` (a test checks both languages). */
export const packProblemKinds = [
  'not-json',
  'not-pack',
  'newer-version',
  'invalid',
  'empty',
  'duplicate-id',
  'missing-bank',
  'missing-question',
  'future',
] as const satisfies readonly PackProblem['kind'][];

/** Where in the pack zod found the first problem, for the message: "banks 1, questions 12, options". */
function issuePlace(error: z.core.$ZodError): string {
  const path = error.issues[0]?.path ?? [];
  return path.map((part) => (typeof part === 'number' ? String(part + 1) : String(part))).join(', ');
}

/**
 * Reads a pack file's text whole, or refuses it with one reason. `existingBanks` are the
 * device's banks: a quiz of the pack may draw on a bank already here.
 */
export function checkPack(
  text: string,
  existingBanks: readonly Pick<Bank, 'id'>[],
  now: Date,
): { ok: true; pack: Pack } | { ok: false; problem: PackProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  const head = z.looseObject({ format: z.literal(packFormat), version: z.int() }).safeParse(raw);
  if (!head.success) return { ok: false, problem: { kind: 'not-pack' } };
  if (head.data.version > packVersion)
    return { ok: false, problem: { kind: 'newer-version', version: head.data.version } };
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: { kind: 'invalid', where: issuePlace(parsed.error) } };
  const pack = parsed.data;
  if (pack.banks.length === 0 && pack.quizzes.length === 0) return { ok: false, problem: { kind: 'empty' } };

  // Ids are unique across the pack: a question id twice would make two questions one.
  const seen = new Set<string>();
  for (const item of [...pack.banks, ...pack.quizzes]) {
    const ids = [item.id, ...('questions' in item ? item.questions.map((q) => q.id) : [])];
    for (const id of ids) {
      if (seen.has(id)) return { ok: false, problem: { kind: 'duplicate-id', title: item.title } };
      seen.add(id);
    }
  }
  // A day of clock difference is allowed, as for roll-up files; a later time would win every merge.
  const limit = now.getTime() + 24 * 60 * 60 * 1000;
  for (const item of [...pack.banks, ...pack.quizzes])
    if (Date.parse(item.updatedAt) > limit || Date.parse(item.createdAt) > Date.parse(item.updatedAt))
      return { ok: false, problem: { kind: 'future', title: item.title } };

  const banks = new Map(pack.banks.map((bank) => [bank.id, bank]));
  const known = new Set(existingBanks.map((bank) => bank.id));
  for (const quiz of pack.quizzes) {
    if (quiz.bankIds.some((id) => !banks.has(id) && !known.has(id)))
      return { ok: false, problem: { kind: 'missing-bank', title: quiz.title } };
    if (quiz.questionIds) {
      const inPack = new Set(quiz.bankIds.flatMap((id) => banks.get(id)?.questions.map((q) => q.id) ?? []));
      // Only the banks carried along can be checked here; a bank already on the device is checked on play.
      const checkable = quiz.bankIds.every((id) => banks.has(id));
      if (checkable && quiz.questionIds.some((id) => !inPack.has(id)))
        return { ok: false, problem: { kind: 'missing-question', title: quiz.title } };
    }
  }
  return { ok: true, pack };
}

/** What importing one bank of a pack does to the device's copy. */
export interface BankChange {
  title: string;
  state: 'new' | 'newer' | 'same' | 'older';
  added: number;
  removed: number;
  changed: number;
}

export interface PackPlan {
  banks: Bank[];
  quizzes: OwnQuiz[];
  /** One line per bank and quiz of the pack, for the confirmation. */
  bankChanges: BankChange[];
  quizChanges: Array<{ title: string; state: BankChange['state'] }>;
  /** Something already on the device would be replaced: ask first. */
  replaces: boolean;
}

function stateOf(
  incoming: { updatedAt: string },
  existing: { updatedAt: string } | undefined,
): BankChange['state'] {
  if (!existing) return 'new';
  if (incoming.updatedAt > existing.updatedAt) return 'newer';
  return incoming.updatedAt === existing.updatedAt ? 'same' : 'older';
}

/** The questions a newer bank adds, removes and changes, by id. */
function questionChanges(incoming: Bank, existing: Bank | undefined) {
  if (!existing) return { added: incoming.questions.length, removed: 0, changed: 0 };
  const before = new Map(existing.questions.map((q) => [q.id, JSON.stringify(q)]));
  const after = new Set(incoming.questions.map((q) => q.id));
  let added = 0;
  let changed = 0;
  for (const question of incoming.questions) {
    const old = before.get(question.id);
    if (old === undefined) added += 1;
    else if (old !== JSON.stringify(question)) changed += 1;
  }
  const removed = existing.questions.filter((q) => !after.has(q.id)).length;
  return { added, removed, changed };
}

/**
 * What importing `pack` writes: new banks and quizzes, and those newer than the device's copy
 * (marked with where they came from); nothing for the same or older ones.
 */
export function planPackImport(
  pack: Pack,
  existingBanks: readonly Bank[],
  existingQuizzes: readonly OwnQuiz[],
  now: Date,
): PackPlan {
  const origin = { unitName: pack.unitName, exportedAt: pack.exportedAt, importedAt: now.toISOString() };
  const banksHere = new Map(existingBanks.map((bank) => [bank.id, bank]));
  const quizzesHere = new Map(existingQuizzes.map((quiz) => [quiz.id, quiz]));
  const plan: PackPlan = { banks: [], quizzes: [], bankChanges: [], quizChanges: [], replaces: false };
  for (const bank of pack.banks) {
    const existing = banksHere.get(bank.id);
    const state = stateOf(bank, existing);
    const full: Bank = { ...bank, origin };
    plan.bankChanges.push({
      title: bank.title,
      state,
      ...(state === 'new' || state === 'newer'
        ? questionChanges(full, existing)
        : { added: 0, removed: 0, changed: 0 }),
    });
    if (state === 'new' || state === 'newer') plan.banks.push(full);
    if (state === 'newer') plan.replaces = true;
  }
  for (const quiz of pack.quizzes) {
    const state = stateOf(quiz, quizzesHere.get(quiz.id));
    plan.quizChanges.push({ title: quiz.title, state });
    if (state === 'new' || state === 'newer') plan.quizzes.push({ ...quiz, origin });
    if (state === 'newer') plan.replaces = true;
  }
  return plan;
}

// ——— Writing a question ———

/** What the question editor holds: every field as typed. */
export interface QuestionInput {
  type: OwnQuestion['type'];
  prompt: string;
  scenario: string;
  /** Up to six options; blank ones are left out. */
  options: Array<{ text: string; correct: boolean }>;
  /** The true/false answer; null until chosen. */
  answer: boolean | null;
  explanation: string;
  topic: string;
  audiences: Audience[];
  language: OwnQuestion['language'];
  sourceKind: 'none' | 'bundled' | 'text';
  sourceId: string;
  sourceText: string;
}

export type QuestionField =
  'prompt' | 'scenario' | 'options' | 'answer' | 'explanation' | 'audiences' | 'source';
/** Each problem is a message key under `banks.editor.problem`. */
export type QuestionProblems = Partial<Record<QuestionField, string>>;

export function emptyQuestionInput(defaults: Partial<QuestionInput> = {}): QuestionInput {
  return {
    type: 'single',
    prompt: '',
    scenario: '',
    options: [0, 1, 2, 3].map(() => ({ text: '', correct: false })),
    answer: null,
    explanation: '',
    topic: 'law',
    audiences: [],
    language: 'vi',
    sourceKind: 'none',
    sourceId: '',
    sourceText: '',
    ...defaults,
  };
}

/** The editor's fields for a stored question. */
export function inputOf(question: OwnQuestion): QuestionInput {
  const options =
    'options' in question ? question.options.map(({ text, correct }) => ({ text, correct })) : [];
  while (options.length < 4) options.push({ text: '', correct: false });
  return {
    type: question.type,
    prompt: question.prompt,
    scenario: question.type === 'scenario' ? question.scenario : '',
    options,
    answer: question.type === 'true-false' ? question.answer : null,
    explanation: question.explanation,
    topic: question.topic,
    audiences: [...question.audiences],
    language: question.language,
    sourceKind: question.source?.kind ?? 'none',
    sourceId: question.source?.kind === 'bundled' ? question.source.id : '',
    sourceText: question.source?.kind === 'text' ? question.source.text : '',
  };
}

/** Checks the editor's fields; the question when they make one, else a problem per field. */
export function questionFromInput(
  input: QuestionInput,
  id: string,
): { question: OwnQuestion; problems?: undefined } | { question?: undefined; problems: QuestionProblems } {
  const problems: QuestionProblems = {};
  const prompt = input.prompt.normalize('NFC').trim();
  if (!prompt) problems.prompt = 'required';
  else if (prompt.length > ownLimits.prompt) problems.prompt = 'tooLong';
  const scenario = input.scenario.normalize('NFC').trim();
  if (input.type === 'scenario' && !scenario) problems.scenario = 'required';
  const explanation = input.explanation.normalize('NFC').trim();
  if (explanation.length > ownLimits.explanation) problems.explanation = 'tooLong';
  if (input.audiences.length === 0) problems.audiences = 'required';
  const options = input.options
    .map((o) => ({ text: o.text.normalize('NFC').trim(), correct: o.correct }))
    .filter((o) => o.text !== '')
    .map((o, i) => ({ id: 'abcdef'[i] as string, ...o }));
  if (input.type === 'true-false') {
    if (input.answer === null) problems.answer = 'required';
  } else {
    const right = options.filter((o) => o.correct).length;
    if (options.length < (input.type === 'multiple' ? 3 : 2))
      problems.options = input.type === 'multiple' ? 'tooFewMultiple' : 'tooFew';
    else if (options.some((o) => o.text.length > ownLimits.option)) problems.options = 'tooLong';
    else if (input.type === 'multiple' && (right < 2 || right === options.length))
      problems.options = 'multipleRule';
    else if (input.type !== 'multiple' && right !== 1) problems.options = 'oneRight';
  }
  const sourceText = input.sourceText.normalize('NFC').trim();
  if (input.sourceKind === 'text' && !sourceText) problems.source = 'required';
  if (input.sourceKind === 'text' && sourceText.length > ownLimits.source) problems.source = 'tooLong';
  if (input.sourceKind === 'bundled' && !input.sourceId) problems.source = 'required';
  if (Object.keys(problems).length > 0) return { problems };

  const source =
    input.sourceKind === 'text'
      ? { source: { kind: 'text' as const, text: sourceText } }
      : input.sourceKind === 'bundled'
        ? { source: { kind: 'bundled' as const, id: input.sourceId } }
        : {};
  const base = {
    id,
    topic: input.topic,
    audiences: input.audiences,
    language: input.language,
    prompt,
    explanation,
    ...source,
  };
  const question: OwnQuestion =
    input.type === 'true-false'
      ? { ...base, type: 'true-false', answer: input.answer === true }
      : input.type === 'scenario'
        ? { ...base, type: 'scenario', scenario, options }
        : { ...base, type: input.type, options };
  return { question };
}

/** Defaults an import gives every question it brings: what a file cannot say. */
export interface PlacementDefaults {
  topic: string;
  audiences: Audience[];
  language: OwnQuestion['language'];
  sourceText: string;
}

/** A checked draft placed in a bank with the import's defaults. */
export function placeDraft(draft: QuestionDraft, defaults: PlacementDefaults, id: string): OwnQuestion {
  const sourceText = defaults.sourceText.normalize('NFC').trim();
  return {
    ...draft,
    id,
    topic: defaults.topic,
    audiences: defaults.audiences,
    language: defaults.language,
    ...(sourceText ? { source: { kind: 'text' as const, text: sourceText } } : {}),
  };
}

// ——— Building a quiz ———

/** What the quiz builder holds: every field as typed. */
export interface OwnQuizInput {
  title: string;
  description: string;
  audience: Audience | '';
  bankIds: string[];
  /** Every question of the banks, or the ones ticked in `questionIds`. */
  selection: 'all' | 'chosen';
  questionIds: string[];
  practiceCount: string;
  contestCount: string;
  contestMinutes: string;
}

export type OwnQuizField =
  'title' | 'audience' | 'bankIds' | 'questionIds' | 'practiceCount' | 'contestCount' | 'contestMinutes';
/** Each problem is a message key under `banks.quiz.problem`. */
export type OwnQuizProblems = Partial<Record<OwnQuizField, string>>;

export function emptyOwnQuizInput(bankIds: string[] = []): OwnQuizInput {
  return {
    title: '',
    description: '',
    audience: '',
    bankIds,
    selection: 'all',
    questionIds: [],
    practiceCount: '10',
    contestCount: '20',
    contestMinutes: '15',
  };
}

export function quizInputOf(quiz: OwnQuiz): OwnQuizInput {
  return {
    title: quiz.title,
    description: quiz.description,
    audience: quiz.audience,
    bankIds: [...quiz.bankIds],
    selection: quiz.questionIds ? 'chosen' : 'all',
    questionIds: [...(quiz.questionIds ?? [])],
    practiceCount: String(quiz.practice.questionCount),
    contestCount: String(quiz.contest.questionCount),
    contestMinutes: String(Math.round(quiz.contest.timeLimitSeconds / 60)),
  };
}

const wholeNumber = (text: string): number | null =>
  /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;

/** Checks the builder's fields against the banks; the quiz when they make one, else a problem per field. */
export function quizFromInput(
  input: OwnQuizInput,
  banks: readonly Bank[],
  base: Pick<OwnQuiz, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<OwnQuiz, 'origin'>>,
): { quiz: OwnQuiz; problems?: undefined } | { quiz?: undefined; problems: OwnQuizProblems } {
  const problems: OwnQuizProblems = {};
  const title = input.title.normalize('NFC').trim();
  if (!title) problems.title = 'required';
  else if (title.length > ownLimits.title) problems.title = 'tooLong';
  if (!input.audience) problems.audience = 'required';
  const known = new Set(banks.map((bank) => bank.id));
  const bankIds = input.bankIds.filter((id) => known.has(id));
  if (bankIds.length === 0) problems.bankIds = 'required';
  const pool = ownQuizPool(
    { bankIds, ...(input.selection === 'chosen' ? { questionIds: input.questionIds } : {}) },
    banks,
  );
  if (input.selection === 'chosen' && bankIds.length > 0 && pool.length === 0)
    problems.questionIds = 'required';
  const counts = {
    practiceCount: wholeNumber(input.practiceCount),
    contestCount: wholeNumber(input.contestCount),
  };
  for (const field of ['practiceCount', 'contestCount'] as const) {
    const count = counts[field];
    if (count === null || count < 1 || count > 200) problems[field] = 'count';
    else if (pool.length > 0 && count > pool.length) problems[field] = 'moreThanPool';
  }
  const minutes = wholeNumber(input.contestMinutes);
  if (minutes === null || minutes < 1 || minutes > 180) problems.contestMinutes = 'minutes';
  if (Object.keys(problems).length > 0) return { problems };
  const quiz: OwnQuiz = {
    ...base,
    title,
    description: input.description.normalize('NFC').trim().slice(0, ownLimits.description),
    audience: input.audience as Audience,
    bankIds,
    ...(input.selection === 'chosen' ? { questionIds: pool.map((q) => q.id) } : {}),
    practice: { questionCount: counts.practiceCount as number },
    contest: { questionCount: counts.contestCount as number, timeLimitSeconds: (minutes as number) * 60 },
  };
  return { quiz };
}
