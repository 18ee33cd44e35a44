/**
 * The spreadsheet templates of Kahoot and Quizizz (Wayground), as rows of cell text; the file
 * is read by `features/banks/importFile.ts`. The header row is found by its content in the
 * first rows (Kahoot's template puts a title and instructions above it), and the columns by
 * their names, so a template with columns moved or added still reads:
 *
 * - Kahoot: "Question - max 120 characters", "Answer 1 - max 75 characters" … "Answer 4"
 *   (more answers read too, up to the app's six), "Time limit (sec) – 5, 10, 20…", "Correct
 *   answer(s) - choose at least one" with "1" or "1,3". Kahoot has no multiple-answer type in
 *   the template (several right means any one scores there): several right become a
 *   multiple-answer question here, scored all or nothing, as the app scores.
 * - Quizizz: "Question Text", "Question Type", "Option 1" … "Option 5", "Correct Answer",
 *   "Time in seconds", "Image Link", "Answer explanation". Multiple Choice (also a blank type,
 *   the template's default) and Checkbox import; other types (Fill-in-the-Blank, Open-Ended,
 *   Poll, Draw…) are listed as skipped with their row. Several right in a Multiple Choice
 *   question mean any one scores: a problem, as the app has no such type. The row of
 *   explanations under the template's header is passed over. Images are not part of own
 *   questions: an image link is left out.
 *
 * A right answer is a number of a filled answer cell. "1,3" may arrive as the number 1.3 from
 * a sheet typed with a Vietnamese decimal comma, so a dot separates answers too. Each question
 * keeps its time limit (seconds, a whole number) for the quiz builder to suggest a contest time.
 */
import { foldForSearch } from '../../text';
import { normalizeText } from './normalize';
import {
  addBuilt,
  choiceQuestion,
  emptyResult,
  quote,
  type ImportFormat,
  type ImportResult,
  type SkippedKind,
} from './result';

export type SheetFormat = Extract<ImportFormat, 'kahoot' | 'quizizz'>;

interface Columns {
  question: number;
  answers: Array<{ number: number; column: number }>;
  correct: number;
  time?: number;
  type?: number;
  explanation?: number;
}

export interface SheetLayout {
  format: SheetFormat;
  /** Index of the header row in the rows. */
  header: number;
  columns: Columns;
}

/** The header is looked for in this many rows. */
const headerSearchRows = 20;

function layoutOf(row: readonly string[]): Omit<SheetLayout, 'header'> | undefined {
  const folded = row.map((cell) => foldForSearch(cell));
  const find = (test: (name: string) => boolean) => {
    const at = folded.findIndex(test);
    return at < 0 ? undefined : at;
  };
  const numbered = (word: string) =>
    folded.flatMap((name, column) => {
      const match = new RegExp(`^${word} (\\d)\\b`).exec(name);
      return match ? [{ number: Number(match[1]), column }] : [];
    });
  const correct = find((name) => name.startsWith('correct answer'));
  const quizizzQuestion = find((name) => name === 'question text');
  const options = numbered('option');
  if (quizizzQuestion !== undefined && correct !== undefined && options.length > 0)
    return {
      format: 'quizizz',
      columns: {
        question: quizizzQuestion,
        answers: options,
        correct,
        time: find((name) => name.startsWith('time in seconds')),
        type: find((name) => name.startsWith('question type')),
        explanation: find((name) => name.startsWith('answer explanation')),
      },
    };
  const kahootQuestion = find((name) => name === 'question' || name.startsWith('question max'));
  const answers = numbered('answer');
  if (kahootQuestion !== undefined && correct !== undefined && answers.length > 0)
    return {
      format: 'kahoot',
      columns: {
        question: kahootQuestion,
        answers,
        correct,
        time: find((name) => name.startsWith('time limit')),
      },
    };
  return undefined;
}

/** Which template the rows are, where its header is and its columns; undefined when neither. */
export function sheetLayout(rows: readonly (readonly string[])[]): SheetLayout | undefined {
  for (let header = 0; header < Math.min(rows.length, headerSearchRows); header++) {
    const layout = layoutOf(rows[header] ?? []);
    if (layout) return { ...layout, header };
  }
  return undefined;
}

const quizizzTypes: Record<string, 'single' | 'multiple' | SkippedKind> = {
  '': 'single',
  'multiple choice': 'single',
  checkbox: 'multiple',
  'fill in the blank': 'fill-in-the-blank',
  'fill in the blanks': 'fill-in-the-blank',
  'open ended': 'open-ended',
  poll: 'poll',
  draw: 'draw',
};

/** The numbers in a "Correct answer(s)" cell ("1", "1,3", "1; 3", "1.3"), or undefined when it holds anything else. */
function answerNumbers(cell: string): number[] | undefined {
  if (!/^\d+(?:\s*[,;.\s/&]\s*\d+)*$/.test(cell)) return undefined;
  return [...new Set(cell.split(/[,;.\s/&]+/).map(Number))];
}

/** Seconds as a whole positive number, or 'invalid'; undefined when the cell is empty. */
function seconds(cell: string): number | 'invalid' | undefined {
  if (!cell) return undefined;
  if (!/^\d+(?:\.0+)?$/.test(cell)) return 'invalid';
  const value = Math.round(Number(cell));
  return value > 0 && value <= 24 * 60 * 60 ? value : 'invalid';
}

const cellText = (row: readonly string[], column: number | undefined) =>
  column === undefined ? '' : normalizeText(row[column] ?? '').trim();

/**
 * Reads the rows of a Kahoot or Quizizz sheet (cells as text; row n of the sheet is `rows[n - 1]`),
 * or undefined when the rows are neither template.
 */
export function parseSheet(rows: readonly (readonly string[])[]): ImportResult | undefined {
  const layout = sheetLayout(rows);
  if (!layout) return undefined;
  const { columns, format } = layout;
  const result = emptyResult(format);
  const answerColumns = [...columns.answers].sort((a, b) => a.number - b.number);

  for (let index = layout.header + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const line = index + 1;
    const prompt = cellText(row, columns.question);
    const answers = answerColumns
      .map(({ number, column }) => ({ number, text: cellText(row, column) }))
      .filter((answer) => answer.text);
    const correctCell = cellText(row, columns.correct);
    const typeCell = cellText(row, columns.type);
    if (!prompt && answers.length === 0 && !correctCell) continue;
    // Quizizz's template explains each column in the row under its header.
    if (/^text of the question/i.test(prompt) || /^question type/i.test(typeCell)) continue;

    const kind = format === 'quizizz' ? (quizizzTypes[foldForSearch(typeCell)] ?? 'other') : 'either';
    if (kind !== 'single' && kind !== 'multiple' && kind !== 'either') {
      result.skipped.push({ line, kind });
      continue;
    }
    const time = seconds(cellText(row, columns.time));
    const numbers = correctCell ? answerNumbers(correctCell) : [];
    if (numbers === undefined) {
      result.problems.push({ line, kind: 'answer-unreadable', detail: quote(correctCell) });
      continue;
    }
    const filled = new Set(answers.map((answer) => answer.number));
    const missing = numbers.find((number) => !filled.has(number));
    if (missing !== undefined && answers.length > 0) {
      result.problems.push({ line, kind: 'answer-not-an-option', detail: String(missing) });
      continue;
    }
    if (time === 'invalid')
      result.problems.push({ line, kind: 'time-limit-invalid', detail: quote(cellText(row, columns.time)) });
    const choices = answers.map((answer) => ({
      text: answer.text,
      correct: numbers.includes(answer.number),
    }));
    const explanation = cellText(row, columns.explanation);
    const built = choiceQuestion(line, prompt, choices, explanation, { kind });
    if (time === 'invalid') {
      if ('problems' in built) result.problems.push(...built.problems);
      continue;
    }
    addBuilt(result, line, built, time === undefined ? {} : { timeLimitSeconds: time });
  }
  if (result.questions.length === 0 && result.problems.length === 0 && result.skipped.length === 0)
    result.problems.push({ line: layout.header + 2, kind: 'no-questions' });
  return result;
}
