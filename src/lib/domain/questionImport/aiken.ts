/**
 * The Aiken format (https://docs.moodle.org/en/Aiken_format): a question, its options
 * `A.` or `A)` to `F.`, then `ANSWER: B`. Read line by line, in one pass:
 * - the question may run over several lines, up to its first option (Moodle wants one line);
 * - a line after an option that is not the next option continues that option's text, unless
 *   a blank line came first: then a new question starts, and the one before without its
 *   `ANSWER:` line is a problem at its first line;
 * - `ANSWER: A, C` (several letters) makes a multiple-answer question, which Moodle lacks;
 * - options out of order or past F are problems, never renumbered.
 */
import { normalizeText, splitLines } from './normalize';
import { addBuilt, choiceQuestion, emptyResult, quote, type ImportResult } from './result';

const optionLine = /^([A-Z])\s*[.)]\s*(.*)$/;
const answerLine = /^ANSWER\s*:\s*(.*)$/i;
const answerLetters = /^[A-Z](?:\s*[,;&]?\s*[A-Z])*$/;

interface Draft {
  line: number;
  prompt: string[];
  options: string[];
  /** Set when the options break the order: the question gives this problem instead of a draft. */
  disorder?: string;
}

export function parseAiken(text: string): ImportResult {
  const result = emptyResult('aiken');
  let current: Draft | undefined;
  let blankSince = false;

  const finish = (draft: Draft, answer: string | undefined, answerAt: number) => {
    if (draft.disorder) {
      result.problems.push({ line: draft.line, kind: 'option-order', detail: draft.disorder });
      return;
    }
    if (draft.options.length > 0 && answer === undefined) {
      result.problems.push({ line: draft.line, kind: 'missing-answer-line' });
      return;
    }
    const letters = (answer ?? '').toUpperCase().replace(/[\s,;&]/g, '');
    const unknown = [...letters].find((letter) => letter.charCodeAt(0) - 65 >= draft.options.length);
    if (draft.options.length > 0 && unknown) {
      result.problems.push({ line: answerAt, kind: 'answer-not-an-option', detail: unknown });
      return;
    }
    const choices = draft.options.map((option, i) => ({
      text: option,
      correct: letters.includes(String.fromCharCode(65 + i)),
    }));
    addBuilt(
      result,
      draft.line,
      choiceQuestion(draft.line, draft.prompt.join('\n'), choices, '', { kind: 'either' }),
    );
  };

  splitLines(normalizeText(text)).forEach((raw, i) => {
    const number = i + 1;
    const line = raw.replace(/\t/g, ' ').trim();
    if (!line) {
      blankSince = true;
      return;
    }
    const answer = answerLine.exec(line);
    if (answer) {
      const value = (answer[1] ?? '').trim();
      if (!current) result.problems.push({ line: number, kind: 'answer-unreadable', detail: quote(line) });
      else if (!answerLetters.test(value.toUpperCase()))
        result.problems.push({ line: number, kind: 'answer-unreadable', detail: quote(value || line) });
      else finish(current, value, number);
      current = undefined;
      blankSince = false;
      return;
    }
    const option = current ? optionLine.exec(line) : null;
    if (current && option) {
      const letter = option[1] as string;
      const expected = String.fromCharCode(65 + current.options.length);
      if (letter === expected) {
        current.options.push(option[2] ?? '');
        blankSince = false;
        return;
      }
      // "B." before any option is question text ("B. Franklin said…"); after options, disorder.
      if (current.options.length > 0) {
        current.disorder ??= letter;
        blankSince = false;
        return;
      }
    }
    if (current && current.options.length > 0 && blankSince) {
      finish(current, undefined, number);
      current = undefined;
    }
    blankSince = false;
    if (!current) current = { line: number, prompt: [line], options: [] };
    else if (current.options.length === 0) current.prompt.push(line);
    else {
      const last = current.options.length - 1;
      current.options[last] = `${current.options[last]} ${line}`;
    }
  });
  if (current) finish(current, undefined, current.line);
  if (result.questions.length === 0 && result.problems.length === 0)
    result.problems.push({ line: 1, kind: 'no-questions' });
  return result;
}
