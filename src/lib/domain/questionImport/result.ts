/**
 * What every question import gives back, whatever the format: the questions read (each a
 * `QuestionDraft` that passed `questionDraftSchema`, with the line or row it starts on), the
 * problems found (each with its line and a closed kind the screen words in the user's
 * language, `bankImport.problem.<kind>`), and the questions of types the app does not have,
 * listed as skipped with their line rather than dropped in silence. A question with any
 * problem gives no draft; the bank screen saves nothing while any problem is listed.
 *
 * `choiceQuestion` and `trueFalseQuestion` are the one way every parser turns what it read
 * into a draft: text cleaned and NFC-normalised, lengths checked against `ownLimits` (too long
 * is a problem, never a cut), the type chosen from the right options, and the schema run, so a
 * draft that would not be stored becomes a problem at its line instead of an error.
 */
import { ownLimits, questionDraftSchema, type QuestionDraft } from '../ownContent.schema';

export const importFormats = ['gift', 'aiken', 'azota', 'kahoot', 'quizizz'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importProblemKinds = [
  /** GIFT the parser cannot read; detail: the line's text. */
  'syntax',
  /** Nothing in the text looks like a question of the format. */
  'no-questions',
  'empty-prompt',
  /** A question with no options at all (Aiken; a spreadsheet row). */
  'no-options',
  'one-option',
  /** More than the app's six options; detail: how many. */
  'too-many-options',
  /** An option without text; detail: its letter or number. */
  'empty-option',
  /** Option letters out of order (A, B, D…) or repeated; detail: the letter. */
  'option-order',
  /** No option is marked right. */
  'no-answer',
  /** Azota text with no mark: underline and colour are lost when pasting from Word. */
  'no-answer-marked',
  /** Aiken: no `ANSWER:` line after the options. */
  'missing-answer-line',
  /** The answer names a letter or number that is not one of the options; detail: it. */
  'answer-not-an-option',
  /** An answer cell or line that is neither letters nor numbers; detail: its text. */
  'answer-unreadable',
  /** Several answers marked right in a format's single-choice type (GIFT `=`, Quizizz Multiple Choice). */
  'several-correct',
  /** A multiple-answer question (GIFT weights, Quizizz Checkbox) with only one right option. */
  'too-few-correct',
  /** A multiple-answer question whose options are all right: the app needs one wrong. */
  'all-correct',
  /** Azota: the asterisk, the answer line and the key table disagree; detail: what each says. */
  'answer-conflict',
  /** Azota: two questions share a number the key table names; detail: the number. */
  'duplicate-number',
  /** Azota: the key table gives one question two different answers; detail: the number. */
  'duplicate-key',
  /** Azota: the key table names a question number the text does not have; detail: the number. */
  'key-unknown-question',
  /** Azota: a line of the key table that cannot be read; detail: its text. */
  'key-unreadable',
  'prompt-too-long',
  'option-too-long',
  'explanation-too-long',
  /** A spreadsheet time limit that is not a whole number of seconds; detail: the cell. */
  'time-limit-invalid',
  /** More questions than a bank holds; detail: the limit. */
  'too-many-questions',
  /** Pasted text longer than any bank; detail: the limit in characters. */
  'text-too-large',
  /** A draft the schema still refused (should not happen; kept so nothing throws). */
  'invalid',
] as const;
export type ImportProblemKind = (typeof importProblemKinds)[number];

/** Question types the app does not have, by the names the formats use. */
export const skippedKinds = [
  'essay',
  'numerical',
  'short-answer',
  'matching',
  'description',
  'fill-in-the-blank',
  'open-ended',
  'poll',
  'draw',
  'other',
] as const;
export type SkippedKind = (typeof skippedKinds)[number];

export interface ImportedQuestion {
  /** The line (text) or row (spreadsheet) the question starts on, 1-based. */
  line: number;
  draft: QuestionDraft;
  /** GIFT `$CATEGORY:` in force for the question, for the preview to show. */
  category?: string;
  /** Kahoot and Quizizz: the question's own time limit, so a contest time can be suggested. */
  timeLimitSeconds?: number;
}

export interface ImportProblem {
  line: number;
  kind: ImportProblemKind;
  /** Short quoted text: the letter, number or words the problem is about. */
  detail?: string;
}

export interface SkippedQuestion {
  line: number;
  kind: SkippedKind;
}

export interface ImportResult {
  format: ImportFormat;
  questions: ImportedQuestion[];
  problems: ImportProblem[];
  skipped: SkippedQuestion[];
}

/** A parser's result as it grows. */
export function emptyResult(format: ImportFormat): ImportResult {
  return { format, questions: [], problems: [], skipped: [] };
}

/** Text long enough to recognise, short enough for a message: the first 40 characters. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

/** One line of text: runs of white space (line breaks included) as one space, NFC. */
export const oneLine = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Text over several lines, NFC (an entity such as `&#769;` may have added a combining mark):
 * each line's spaces tidied, blank lines at the ends dropped, runs of blank lines as one.
 */
export function manyLines(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface ChoiceInput {
  text: string;
  correct: boolean;
}

export type Built = { draft: QuestionDraft } | { problems: ImportProblem[] };

export interface ChoiceOptions {
  /**
   * What the format says about several right options. 'multiple': the question is
   * multiple-answer (GIFT weights, Quizizz Checkbox) and needs two right and one wrong.
   * 'single': the format's single-choice type, where several right is a problem. 'either':
   * the format cannot say (Aiken, Azota, Kahoot): one right is single, several are multiple.
   */
  kind: 'single' | 'multiple' | 'either';
  /** The problem when no option is right (formats word it differently). */
  noAnswer?: Extract<ImportProblemKind, 'no-answer' | 'no-answer-marked' | 'missing-answer-line'>;
}

const letters = 'abcdef';
const trueWords = new Set(['đúng', 'true', 'đ', 't']);
const falseWords = new Set(['sai', 'false', 's', 'f']);
const truthOf = (text: string) => {
  const word = text.toLocaleLowerCase('vi').replace(/[.!]$/, '');
  return trueWords.has(word) ? true : falseWords.has(word) ? false : undefined;
};

function checkLength(
  problems: ImportProblem[],
  line: number,
  text: string,
  max: number,
  kind: ImportProblemKind,
): void {
  if (text.length > max) problems.push({ line, kind, detail: quote(text) });
}

/** The schema's verdict: a draft, or the problem at its line (never an error thrown). */
function validated(line: number, draft: QuestionDraft): Built {
  const parsed = questionDraftSchema.safeParse(draft);
  return parsed.success ? { draft: parsed.data } : { problems: [{ line, kind: 'invalid' }] };
}

/**
 * A choice question from its prompt and options. Two options that read "Đúng"/"Sai" (or
 * "True"/"False") with one right make a true-false question, as the app asks it.
 */
export function choiceQuestion(
  line: number,
  prompt: string,
  choices: readonly ChoiceInput[],
  explanation: string,
  rule: ChoiceOptions,
): Built {
  const problems: ImportProblem[] = [];
  const text = manyLines(prompt);
  const options = choices.map((choice) => ({ text: oneLine(choice.text), correct: choice.correct }));
  const why = manyLines(explanation);
  if (!text) problems.push({ line, kind: 'empty-prompt' });
  checkLength(problems, line, text, ownLimits.prompt, 'prompt-too-long');
  checkLength(problems, line, why, ownLimits.explanation, 'explanation-too-long');
  if (options.length === 0) problems.push({ line, kind: 'no-options' });
  else if (options.length === 1) problems.push({ line, kind: 'one-option' });
  else if (options.length > ownLimits.options)
    problems.push({ line, kind: 'too-many-options', detail: String(options.length) });
  options.forEach((option, i) => {
    if (!option.text)
      problems.push({ line, kind: 'empty-option', detail: (letters[i] ?? String(i + 1)).toUpperCase() });
    checkLength(problems, line, option.text, ownLimits.option, 'option-too-long');
  });

  const right = options.filter((option) => option.correct).length;
  if (options.length >= 2) {
    if (right === 0) problems.push({ line, kind: rule.noAnswer ?? 'no-answer' });
    else if (rule.kind === 'single' && right > 1) problems.push({ line, kind: 'several-correct' });
    else if (rule.kind === 'multiple' && right === 1) problems.push({ line, kind: 'too-few-correct' });
    else if (right > 1 && right === options.length) problems.push({ line, kind: 'all-correct' });
  }
  if (problems.length > 0) return { problems };

  const [first, second] = options;
  if (options.length === 2 && right === 1 && first && second) {
    const truths = [truthOf(first.text), truthOf(second.text)];
    if (truths[0] !== undefined && truths[1] !== undefined && truths[0] !== truths[1]) {
      const answer = (first.correct ? truths[0] : truths[1]) as boolean;
      return validated(line, { type: 'true-false', prompt: text, explanation: why, answer });
    }
  }
  const ownOptions = options.map((option, i) => ({
    id: letters[i] as string,
    text: option.text,
    correct: option.correct,
  }));
  return validated(line, {
    type: right > 1 ? 'multiple' : 'single',
    prompt: text,
    explanation: why,
    options: ownOptions,
  });
}

export function trueFalseQuestion(line: number, prompt: string, answer: boolean, explanation: string): Built {
  const problems: ImportProblem[] = [];
  const text = manyLines(prompt);
  const why = manyLines(explanation);
  if (!text) problems.push({ line, kind: 'empty-prompt' });
  checkLength(problems, line, text, ownLimits.prompt, 'prompt-too-long');
  checkLength(problems, line, why, ownLimits.explanation, 'explanation-too-long');
  if (problems.length > 0) return { problems };
  return validated(line, { type: 'true-false', prompt: text, explanation: why, answer });
}

/** Adds what was built to the result: the question, or its problems. */
export function addBuilt(
  result: ImportResult,
  line: number,
  built: Built,
  extra: Pick<ImportedQuestion, 'category' | 'timeLimitSeconds'> = {},
): void {
  if ('problems' in built) result.problems.push(...built.problems);
  else result.questions.push({ line, draft: built.draft, ...extra });
}
