/**
 * Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), read with gift-pegjs, a
 * PEG.js grammar of it (MIT, generated code: no eval, which the app's CSP forbids), loaded only
 * when a GIFT text is read.
 *
 * The library parses a whole file or throws at the first error. To report every problem with
 * its line and keep going past a bad question, the text is cut here into questions first, as
 * Moodle itself reads it (`qformat_default::readquestions`): a question is a run of non-blank
 * lines, and a line starting with `//` is a comment wherever it stands. Each question is parsed
 * alone and the parser's error line moved by where the question starts, so the work stays
 * linear in the file (a 2,000-question bank is parsed question by question, never re-scanned).
 * Text is read as Moodle reads it, not as strictly as the grammar: `=`, `~`, `#` and `:`
 * outside the answers, and a lone `:` inside, need no escaping (`escapeText`). Two leniencies
 * Moodle lacks: a `$CATEGORY:` line needs no blank line after it, and a blank line inside the
 * answers (an unclosed `{` followed, after the blank, by a line starting with `=`, `~`, `#` or
 * `}`) does not split the question.
 *
 * How GIFT maps onto the app's types:
 * - `{=right ~wrong …}`: single choice. Several `=` mean, in Moodle, that any one of them
 *   scores: the app has no such type, so it is a problem (`several-correct`).
 * - `{~%50%right ~%50%right ~%-100%wrong}` (no `=`, weights): multiple answers, scored all or
 *   nothing as the app scores: options with a positive weight are right, the rest wrong.
 *   Partial weights on wrong options of a single-choice question are ignored likewise.
 * - `{T}`, `{TRUE}`, `{F}`, `{FALSE}`: true-false.
 * - Essay `{}`, numerical `{#…}`, short answer (only `=`), matching (`->`) and descriptions
 *   (no answers) are listed as skipped with their line.
 * - General feedback (`####…`) is the explanation. Without it, the feedback of the right
 *   options (and a true-false question's feedback for the right answer, the second `#` in
 *   Moodle) is the explanation, since it says why the answer is right; feedback on wrong
 *   options is left out: the app shows one explanation to everyone, and "No, because…"
 *   written for those who chose a wrong option would mislead the others.
 * - `$CATEGORY: a/b` is kept on each following question's result (not in the draft) for the
 *   preview; titles `::…::` and `[id:…]`, `[tag:…]` comments are ignored.
 * - Text formats `[html]`, `[markdown]` and Moodle's default are reduced to plain text
 *   (`markup.ts`); `[plain]` is taken as written.
 */
import type { GIFTQuestion, TextFormat as GiftText } from 'gift-pegjs';
import { plainText } from './markup';
import { normalizeText, splitLines } from './normalize';
import {
  addBuilt,
  choiceQuestion,
  emptyResult,
  quote,
  trueFalseQuestion,
  type ImportResult,
  type SkippedKind,
} from './result';

export type GiftParse = (input: string) => GIFTQuestion[];

/** What the text holds, in order: category changes and questions (their lines, comments left out). */
export type GiftPart =
  | { kind: 'category'; line: number; title: string }
  | { kind: 'question'; lines: string[]; numbers: number[] };

/** Braces opened and not closed on a line; `\{`, `\}` and `\\` are text. */
function braceDepth(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
  }
  return depth;
}

/** A category as Moodle writes it (`$course$/top/Ma túy/Luật`) without its context and top. */
function categoryTitle(text: string): string {
  return text
    .trim()
    .replace(/^\$[a-z0-9]+\$\//i, '')
    .replace(/^top(?:\/|$)/, '')
    .trim();
}

/** Cuts GIFT text (normalised) into categories and questions, in one pass over its lines. */
export function giftParts(lines: readonly string[]): GiftPart[] {
  const parts: GiftPart[] = [];
  let current: { lines: string[]; numbers: number[]; depth: number } | undefined;
  let blankSince = false;
  const close = () => {
    if (current) parts.push({ kind: 'question', lines: current.lines, numbers: current.numbers });
    current = undefined;
  };
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) {
      blankSince = true;
      return;
    }
    if (trimmed.startsWith('//')) return;
    if (/^\$CATEGORY:/i.test(trimmed)) {
      close();
      parts.push({ kind: 'category', line: i + 1, title: categoryTitle(trimmed.slice('$CATEGORY:'.length)) });
      blankSince = false;
      return;
    }
    // After a blank line a new question starts, unless the answers are still open and go on.
    if (current && blankSince && !(current.depth > 0 && /^[=~#}]/.test(trimmed))) close();
    blankSince = false;
    current ??= { lines: [], numbers: [], depth: 0 };
    current.lines.push(line);
    current.numbers.push(i + 1);
    current.depth += braceDepth(line);
  });
  close();
  return parts;
}

/**
 * The question's text with what Moodle reads as text escaped for the grammar, which takes
 * every unescaped `=`, `~`, `#` and `:` as syntax wherever it stands (the GIFT documentation
 * asks for `\=`, `\:`…). Moodle itself looks for syntax only inside the answers `{…}`, so
 * "1+1=2 {T}" (the documentation's own example), "Câu 1: …" or `<img src=x>` outside them are
 * text; inside, a lone `:` ("=Đúng: vì…") is text too, except in a numerical answer
 * (`{#1822:5}`). A title's `::` is left as it is.
 */
export function escapeText(text: string): string {
  let out = '';
  let inAnswers = false;
  let numerical = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\') {
      out += char + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '{') {
      inAnswers = true;
      numerical = /^\s*#/.test(text.slice(i + 1, i + 40));
    } else if (char === '}') inAnswers = false;
    else if (char === ':') {
      if (text[i + 1] !== ':' && text[i - 1] !== ':' && !(inAnswers && numerical)) {
        out += '\\:';
        continue;
      }
    } else if (!inAnswers && (char === '=' || char === '~' || char === '#')) {
      out += `\\${char}`;
      continue;
    }
    out += char;
  }
  return out;
}

const skippedOf: Partial<Record<GIFTQuestion['type'], SkippedKind>> = {
  Description: 'description',
  Essay: 'essay',
  Numerical: 'numerical',
  Short: 'short-answer',
  Matching: 'matching',
};

const textOf = (value: GiftText | null | undefined): string =>
  value ? plainText(value.text, value.format) : '';

function addQuestion(
  result: ImportResult,
  question: GIFTQuestion,
  line: number,
  category: string | undefined,
) {
  const extra = category ? { category } : {};
  const skipped = skippedOf[question.type];
  if (skipped) {
    result.skipped.push({ line, kind: skipped });
    return;
  }
  if (question.type === 'TF') {
    // gift-pegjs names the two feedbacks trueFeedback and falseFeedback; Moodle reads them as
    // the feedback for a wrong answer, then for the right one ({T#wrong#right}).
    const explanation = textOf(question.globalFeedback) || textOf(question.falseFeedback);
    addBuilt(
      result,
      line,
      trueFalseQuestion(line, textOf(question.stem), question.isTrue, explanation),
      extra,
    );
    return;
  }
  if (question.type !== 'MC') return; // Categories are cut out before parsing.
  const anyEquals = question.choices.some((choice) => choice.isCorrect);
  const weighted = question.choices.some((choice) => choice.weight !== null);
  const choices = question.choices.map((choice) => ({
    text: textOf(choice.text),
    correct: anyEquals ? choice.isCorrect : (choice.weight ?? 0) > 0,
    feedback: textOf(choice.feedback),
  }));
  const explanation =
    textOf(question.globalFeedback) ||
    choices
      .filter((choice) => choice.correct && choice.feedback)
      .map((choice) => choice.feedback)
      .join('\n');
  const rule = { kind: anyEquals || !weighted ? ('single' as const) : ('multiple' as const) };
  addBuilt(result, line, choiceQuestion(line, textOf(question.stem), choices, explanation, rule), extra);
}

/** Reads GIFT text (normalised) with the given parser: questions, problems and skipped ones by line. */
export function readGift(lines: readonly string[], parse: GiftParse): ImportResult {
  const result = emptyResult('gift');
  let category: string | undefined;
  for (const part of giftParts(lines)) {
    if (part.kind === 'category') {
      category = part.title || undefined;
      continue;
    }
    const first = part.numbers[0] as number;
    let questions: GIFTQuestion[];
    try {
      questions = parse(escapeText(part.lines.join('\n')));
    } catch (error) {
      const at = (error as { location?: { start?: { line?: unknown } } } | null)?.location?.start?.line;
      const index = typeof at === 'number' ? Math.min(Math.max(at - 1, 0), part.lines.length - 1) : 0;
      result.problems.push({
        line: part.numbers[index] ?? first,
        kind: 'syntax',
        detail: quote(part.lines[index] ?? ''),
      });
      continue;
    }
    for (const question of questions) {
      if (question.type === 'Category') category = categoryTitle(question.title) || undefined;
      else addQuestion(result, question, first, category);
    }
  }
  if (result.questions.length + result.problems.length + result.skipped.length === 0)
    result.problems.push({ line: 1, kind: 'no-questions' });
  return result;
}

/** The parser, loaded on first use (its chunk is not in any screen's download). */
export async function loadGiftParser(): Promise<GiftParse> {
  const library = await import('gift-pegjs');
  // A CommonJS module: bundlers give its exports as named ones, Node's loader also as `default`.
  const parse = library.parse ?? (library as unknown as { default?: { parse?: GiftParse } }).default?.parse;
  if (!parse) throw new Error('gift-pegjs has no parse function');
  return parse;
}

/** Reads GIFT text, loading the parser first. */
export async function parseGift(text: string): Promise<ImportResult> {
  return readGift(splitLines(normalizeText(text)), await loadGiftParser());
}
