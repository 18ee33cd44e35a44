/**
 * Questions as Vietnamese teachers paste them from Word, the layout Azota (azota.vn) reads:
 *
 *   Câu 1: Ngày Quốc tế phòng, chống ma túy là ngày nào?
 *   A. 26/6        B. 1/12
 *   *C. …          D. …
 *   …
 *   ĐÁP ÁN
 *   1-A  2.C  3B  4: D
 *
 * - A question starts at "Câu 1:", "Câu 1.", "Câu 1 :", "Câu 1 (0,25 điểm):" or "Question 1:"
 *   (any case). What comes before the first question (school, title, instructions) is left out;
 *   so are "PHẦN I…" headings, "HẾT" and rules of dashes.
 * - Options "A." to "F." (or "A)"; "a)" … when the first is lower case), one per line or several
 *   on one line. A line is split only at the next letter in sequence with a dot or bracket and
 *   white space before it, so "TP. HCM", "v.v." or "vitamin A." inside an option never split it.
 *   A line after an option that starts no option continues its text.
 * - The right answer is marked (1) by a key table at the end, after a heading "Đáp án",
 *   "ĐÁP ÁN", "Bảng đáp án" or "Answer key" (or without heading, a line of two or more pairs
 *   such as "1-A 2-B"): pairs "1-A", "1.A", "1A", "1: A", "Câu 1: A", several a line, or a grid,
 *   a line of numbers over a line of letters; (2) by an asterisk, "*A." or "A.*"; or (3) by a
 *   line "Đáp án: B" (or "ANSWER: B") after the options. Several letters ("1-AC") make a
 *   multiple-answer question. Marks that disagree are a problem, never a guess; a question with
 *   no mark is a problem that says why: underline and colour, Word's usual marks, are lost when
 *   pasting.
 * - "Lời giải:", "Giải thích:", "Hướng dẫn giải:" start the explanation; text after the
 *   answer line goes there too.
 * - A numbered question without options (an essay in "PHẦN II. TỰ LUẬN") is listed as skipped,
 *   unless the key table gives it an answer: then its options were not recognised (a problem).
 * - Two options "Đúng" / "Sai" make a true-false question (`result.ts`).
 */
import { normalizeText, splitLines } from './normalize';
import { addBuilt, choiceQuestion, emptyResult, quote, type ImportResult } from './result';

interface Option {
  letter: string;
  text: string;
  star: boolean;
}

interface Question {
  line: number;
  number: number;
  prompt: string[];
  options: Option[];
  /** Options lettered a), b)… */
  lower: boolean;
  explanation: string[];
  /** "Đáp án: B" after the options. */
  answer?: { letters: string; line: number };
  /** Lines go to the explanation once it is labelled or the answer line was given. */
  inExplanation: boolean;
  /** The first option letter out of sequence (the question then gives a problem). */
  disorder?: string;
}

interface KeyEntry {
  letters: string;
  line: number;
}

const upper = 'ABCDEF';
const lower = 'abcdef';

const questionStart =
  /^(?:câu(?:\s+hỏi)?|question)\s*(\d{1,4})\s*(?:\([^)]{0,30}\))?\s*(?:[:.)]|$)\s*(.*)$/iu;
const keyLabel = /^(?:bảng\s+)?(?:đáp\s*án|answer\s*key|answers?|key)(?![\p{L}\p{N}])(.*)$/iu;
const labelWords =
  /^(?:(?:tham\s+khảo|chi\s+tiết|trắc\s+nghiệm|đúng(?:\s+là)?|(?:mã\s+)?đề\s+\S+|phần\s+\S+)\s*)*/iu;
const explanationLabel = /^(?:lời\s+giải|giải\s+thích|hướng\s+dẫn(?:\s+giải)?|explanation)\s*[:.]?\s*(.*)$/iu;
const answerLetters = /^[A-F](?:\s*[,;&+]?\s*[A-F])*\.?$/i;
const pairs = () => /(?:câu\s*)?(\d{1,4})\s*([-.:)]?)\s*([A-F](?:\s*[,&+]\s*[A-F]|[A-F])*)(?!\p{L})/giu;
const gridNumbers = /^(?:(?:câu(?:\s+hỏi)?|stt|question)\s*[:|]?\s*)?(\d{1,4}(?:[\s|,;]+\d{1,4})+)[\s|]*$/iu;
const gridLetters = /^(?:(?:đáp\s*án|đa|answers?|key)\s*[:|]?\s*)?([A-F]+(?:[\s|,;]+[A-F]+)+)[\s|]*$/iu;
const ignored = [
  /^[-_=*.~•\s]+$/,
  /^[-–—*\s]*(?:hết|the\s+end)[-–—*.!\s]*$/iu,
  /^(?:phần|part)\s+(?:[IVX]+|\d+)(?![\p{L}\p{N}])/iu,
  /^[IVX]{1,4}\s*[.)]\s*(?:trắc\s+nghiệm|tự\s+luận)/iu,
];

/** The pairs of a line that holds only pairs ("1-A 2.B, 3C"), or undefined. */
function keyPairs(text: string): Array<{ number: number; letters: string; separated: boolean }> | undefined {
  const found: Array<{ number: number; letters: string; separated: boolean }> = [];
  const rest = text.replace(pairs(), (_all, number: string, separator: string, letters: string) => {
    found.push({
      number: Number(number),
      letters: letters.replace(/[\s,&+]/g, '').toUpperCase(),
      separated: !!separator,
    });
    return ' ';
  });
  return found.length > 0 && /^[\s,;|/]*$/.test(rest) ? found : undefined;
}

/**
 * What follows an "Đáp án" label ("Đáp án:", "ĐÁP ÁN THAM KHẢO", "Đáp án đúng là: B",
 * "Answer key"), or undefined when the line does not start with one. The caller decides from
 * the value: nothing (a key table's heading), pairs (a key table), letters (this question's
 * answer) or anything else (ordinary text: "Đáp án nào sau đây đúng?").
 */
function labelValue(line: string): string | undefined {
  const match = keyLabel.exec(line);
  if (!match) return undefined;
  return (match[1] ?? '')
    .trim()
    .replace(labelWords, '')
    .replace(/^[:.\-–]\s*/, '')
    .trim();
}

const markerCache = new Map<string, RegExp>();
/** An option letter with its dot or bracket and an asterisk before or after: at the start, or after white space. */
function marker(letter: string, atStart: boolean): RegExp {
  const key = `${letter}${atStart ? '^' : ''}`;
  let regex = markerCache.get(key);
  if (!regex) {
    regex = atStart
      ? new RegExp(`^(\\*?)\\s*${letter}\\s*[.)]\\s*(\\*?)\\s*`, 'u')
      : new RegExp(`(\\s)(\\*?)\\s*${letter}\\s*[.)](?=[\\s*]|\\p{L})\\s*(\\*?)\\s*`, 'u');
    markerCache.set(key, regex);
  }
  return regex;
}

/**
 * The options on a line that starts with option `from` (an index into a–f), split at the next
 * letters in sequence; the letters take the case of `from`'s.
 */
function optionsOn(text: string, from: number, isLower: boolean): Option[] | undefined {
  const letters = isLower ? lower : upper;
  const first = marker(letters[from] as string, true).exec(text);
  if (!first) return undefined;
  const options: Option[] = [];
  let star = first[1] === '*' || first[2] === '*';
  let rest = text.slice(first[0].length);
  for (let index = from; ; index++) {
    const next = letters[index + 1];
    const found = next ? marker(next, false).exec(rest) : null;
    const body = found ? rest.slice(0, found.index) : rest;
    options.push({ letter: letters[index] as string, text: star ? body.replace(/\*\s*$/, '') : body, star });
    if (!found) return options;
    star = found[2] === '*' || found[3] === '*';
    rest = rest.slice(found.index + found[0].length);
  }
}

/**
 * Text and options of a line that carries its options after the question ("Câu 1: …? A. x
 * B. y"): split at the last "A." before the first "B.", so "vitamin A." in the question stays.
 */
function splitInline(text: string): { prompt: string; options: Option[] } | undefined {
  const padded = ` ${text}`;
  for (const letters of [upper, lower]) {
    const b = new RegExp(marker(letters[1] as string, false).source, 'u').exec(padded);
    if (!b) continue;
    let from = -1;
    for (const a of padded.matchAll(new RegExp(marker(letters[0] as string, false).source, 'gu')))
      if (a.index < b.index) from = a.index;
    if (from < 0) continue;
    // In `text`, the option starts where the white space before it stands in `padded`.
    const options = optionsOn(text.slice(from).trimStart(), 0, letters === lower);
    if (options) return { prompt: text.slice(0, from), options };
  }
  return undefined;
}

export function parseAzota(text: string): ImportResult {
  const result = emptyResult('azota');
  const questions: Question[] = [];
  const key = new Map<number, KeyEntry>();
  let current: Question | undefined;
  let inKey = false;
  let gridPending: { numbers: number[]; line: number; text: string } | undefined;

  const addKey = (number: number, letters: string, line: number) => {
    const known = key.get(number);
    if (known && known.letters !== letters)
      result.problems.push({ line, kind: 'duplicate-key', detail: String(number) });
    else if (!known) key.set(number, { letters, line });
  };
  const addOptions = (question: Question, options: Option[]) => {
    if (question.options.length === 0) question.lower = options[0]?.letter === 'a';
    question.options.push(...options);
  };

  splitLines(normalizeText(text)).forEach((raw, i) => {
    const number = i + 1;
    const line = raw.replace(/\t/g, ' ').trim();
    if (!line) return;

    if (inKey) {
      if (gridPending) {
        const letters = gridLetters.exec(line);
        const cells = letters?.[1]?.split(/[\s|,;]+/) ?? [];
        const pending = gridPending;
        gridPending = undefined;
        if (letters && cells.length === pending.numbers.length) {
          pending.numbers.forEach((n, j) => addKey(n, (cells[j] as string).toUpperCase(), number));
          return;
        }
        result.problems.push({ line: pending.line, kind: 'key-unreadable', detail: quote(pending.text) });
        if (letters) return;
      }
      const found = keyPairs(line) ?? keyPairs(labelValue(line) ?? '\u0000');
      if (found) {
        for (const pair of found) addKey(pair.number, pair.letters, number);
        return;
      }
      const numbers = gridNumbers.exec(line);
      if (numbers) {
        gridPending = {
          numbers: (numbers[1] as string).split(/[\s|,;]+/).map(Number),
          line: number,
          text: line,
        };
        return;
      }
      if (labelValue(line) === '' || ignored.some((regex) => regex.test(line))) return;
      if (!questionStart.test(line)) {
        // Words after the key ("Chúc các em làm bài tốt") are left; a line with digits or a row
        // of letters was meant as part of it.
        if (/\d/.test(line) || gridLetters.test(line))
          result.problems.push({ line: number, kind: 'key-unreadable', detail: quote(line) });
        return;
      }
      inKey = false;
    }

    if (ignored.some((regex) => regex.test(line))) return;

    // A line of pairs only, two or more, or one written "1-A" once a question has its options:
    // a key table without a heading ("1) a" under a question is its option, numbered).
    const bare = questions.length > 0 ? keyPairs(line) : undefined;
    if (bare && (bare.length > 1 || (bare[0]?.separated && (current?.options.length ?? 0) >= 2))) {
      inKey = true;
      current = undefined;
      for (const pair of bare) addKey(pair.number, pair.letters, number);
      return;
    }

    const start = questionStart.exec(line);
    if (start) {
      current = {
        line: number,
        number: Number(start[1]),
        prompt: [],
        options: [],
        lower: false,
        explanation: [],
        inExplanation: false,
      };
      questions.push(current);
      const rest = (start[2] ?? '').trim();
      const inline = rest ? splitInline(rest) : undefined;
      if (inline) {
        current.prompt.push(inline.prompt);
        addOptions(current, inline.options);
      } else if (rest) current.prompt.push(rest);
      return;
    }

    const value = labelValue(line);
    if (value !== undefined) {
      const found = value ? keyPairs(value) : undefined;
      if (value === '' || found) {
        inKey = true;
        current = undefined;
        for (const pair of found ?? []) addKey(pair.number, pair.letters, number);
        return;
      }
      if (current && answerLetters.test(value)) {
        current.answer = { letters: value.replace(/[\s,;&+.]/g, '').toUpperCase(), line: number };
        current.inExplanation = true;
        return;
      }
    }

    if (!current) return; // Before the first question: the school, the title, instructions.

    const explanation = explanationLabel.exec(line);
    if (explanation) {
      current.inExplanation = true;
      if (explanation[1]) current.explanation.push(explanation[1]);
      return;
    }
    if (current.inExplanation) {
      current.explanation.push(line);
      return;
    }

    const count = current.options.length;
    const isLower = count === 0 ? /^\*?\s*a\s*[.)]/.test(line) : current.lower;
    const options = count < upper.length ? optionsOn(line, count, isLower) : undefined;
    if (options) {
      addOptions(current, options);
      return;
    }
    const letters = isLower ? lower : upper;
    const stray = new RegExp(`^\\*?\\s*([${letters}])\\s*[.)]\\s`, 'u').exec(line);
    if (count > 0 && stray) {
      current.disorder ??= (stray[1] as string).toUpperCase();
      return;
    }
    if (count === 0) {
      const inline = splitInline(line);
      if (inline) {
        current.prompt.push(inline.prompt);
        addOptions(current, inline.options);
      } else current.prompt.push(line);
      return;
    }
    const last = current.options[count - 1] as Option;
    last.text = `${last.text} ${line}`;
  });
  if (gridPending)
    result.problems.push({ line: gridPending.line, kind: 'key-unreadable', detail: quote(gridPending.text) });

  // The numbers the key names are those of questions with options: an essay part is often
  // numbered from 1 again ("PHẦN II. TỰ LUẬN").
  const withOptions = new Map<number, number>();
  for (const question of questions)
    if (question.options.length > 0)
      withOptions.set(question.number, (withOptions.get(question.number) ?? 0) + 1);
  const numbered = new Set(questions.map((question) => question.number));
  for (const [number, entry] of key)
    if (!numbered.has(number))
      result.problems.push({ line: entry.line, kind: 'key-unknown-question', detail: String(number) });

  for (const question of questions) {
    const line = question.line;
    const entry = key.get(question.number);
    if (question.options.length === 0) {
      // Given an answer by the key, with no other question of its number: its options were missed.
      if (entry && !withOptions.has(question.number)) result.problems.push({ line, kind: 'no-options' });
      else result.skipped.push({ line, kind: 'essay' });
      continue;
    }
    if (entry && (withOptions.get(question.number) ?? 0) > 1) {
      result.problems.push({ line, kind: 'duplicate-number', detail: String(question.number) });
      continue;
    }
    if (question.disorder) {
      result.problems.push({ line, kind: 'option-order', detail: question.disorder });
      continue;
    }
    const starred = question.options
      .filter((option) => option.star)
      .map((option) => option.letter.toUpperCase())
      .join('');
    const marks = [
      ...(starred ? [`*${starred}`] : []),
      ...(question.answer ? [question.answer.letters] : []),
      ...(entry ? [`${question.number}-${entry.letters}`] : []),
    ];
    const letterSets = [starred, question.answer?.letters, entry?.letters]
      .filter((letters): letters is string => !!letters)
      .map((letters) => [...new Set(letters)].sort().join(''));
    if (new Set(letterSets).size > 1) {
      result.problems.push({ line, kind: 'answer-conflict', detail: marks.join(' / ') });
      continue;
    }
    const right = letterSets[0] ?? '';
    const unknown = [...right].find((letter) => upper.indexOf(letter) >= question.options.length);
    if (unknown) {
      result.problems.push({
        line: question.answer?.line ?? entry?.line ?? line,
        kind: 'answer-not-an-option',
        detail: unknown,
      });
      continue;
    }
    const choices = question.options.map((option) => ({
      text: option.text,
      correct: right.includes(option.letter.toUpperCase()),
    }));
    const built = choiceQuestion(line, question.prompt.join('\n'), choices, question.explanation.join('\n'), {
      kind: 'either',
      noAnswer: 'no-answer-marked',
    });
    addBuilt(result, line, built);
  }
  if (questions.length === 0) result.problems.push({ line: 1, kind: 'no-questions' });
  return result;
}
