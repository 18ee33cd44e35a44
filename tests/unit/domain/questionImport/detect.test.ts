import { describe, expect, test } from 'vitest';
import { detectFormat, parseQuestionText } from '../../../../src/lib/domain/questionImport';
import { ownLimits } from '../../../../src/lib/domain/ownContent.schema';
import { fixtureText } from './helpers';

describe('Telling the text formats apart', () => {
  test('GIFT is told by its answer blocks, titles and categories', () => {
    expect(detectFormat('Ma túy là gì?{=Chất gây nghiện ~Thực phẩm}')).toBe('gift');
    expect(detectFormat('Cần sa là ma túy.{TRUE}')).toBe('gift');
    expect(detectFormat('Sai.{F#vì…}')).toBe('gift');
    expect(detectFormat('Năm nào? {#2021}')).toBe('gift');
    expect(detectFormat('::Câu 1:: Ma túy là gì?')).toBe('gift');
    expect(detectFormat('$CATEGORY: Luật\n')).toBe('gift');
    expect(detectFormat(fixtureText('phong-chong-ma-tuy.gift'))).toBe('gift');
  });

  test('Numbered "Câu 1:" or "Question 1." text is Azota, even with ANSWER lines', () => {
    expect(detectFormat(fixtureText('de-kiem-tra.azota.txt'))).toBe('azota');
    expect(detectFormat('Question 1. What?\nA. x\nB. y\nANSWER: A')).toBe('azota');
    expect(detectFormat('  câu 12 : Hỏi?')).toBe('azota');
  });

  test('Unnumbered questions with ANSWER lines are Aiken', () => {
    expect(detectFormat(fixtureText('ky-nang-tu-choi.aiken.txt'))).toBe('aiken');
  });

  test('Text that looks like nothing is read as Azota, which then says no question was found', async () => {
    expect(detectFormat('Xin chào')).toBe('azota');
    expect(await parseQuestionText('Xin chào')).toEqual({
      format: 'azota',
      questions: [],
      problems: [{ line: 1, kind: 'no-questions' }],
      skipped: [],
    });
  });

  test('A format the user chose is used even when the text looks like another', async () => {
    const result = await parseQuestionText('Câu 1: Q?\nA. a\nB. b\nANSWER: B', 'aiken');
    expect(result.format).toBe('aiken');
    expect(result.questions[0]?.draft.prompt).toBe('Câu 1: Q?');
  });

  test('Cells copied from a Kahoot or Quizizz sheet are recognised by their header', async () => {
    const kahoot = await parseQuestionText(
      'Question - max 120 characters\tAnswer 1 - max 75 characters\tAnswer 2 - max 75 characters\tTime limit (sec)\tCorrect answer(s) - choose at least one\n' +
        'Heroin là ma túy?\tĐúng\tSai\t20\t1\n',
    );
    expect(kahoot.format).toBe('kahoot');
    expect(
      kahoot.questions.map((question) => [question.line, question.draft.type, question.timeLimitSeconds]),
    ).toEqual([[2, 'true-false', 20]]);
    const wrong = await parseQuestionText('Câu 1: Q?\nA. a\n*B. b', 'quizizz');
    expect(wrong.problems).toEqual([{ line: 1, kind: 'no-questions' }]);
  });

  test('More questions than a bank holds is a problem at the first one too many', async () => {
    const count = ownLimits.questions + 1;
    const text = Array.from({ length: count }, (_, i) => `Câu ${i + 1}: Q?\n*A. a\nB. b`).join('\n');
    const result = await parseQuestionText(text);
    expect(result.questions).toHaveLength(count);
    expect(result.problems).toEqual([
      { line: 3 * ownLimits.questions + 1, kind: 'too-many-questions', detail: String(ownLimits.questions) },
    ]);
  });

  test('Text longer than any bank is refused at once', async () => {
    const result = await parseQuestionText('x'.repeat(5_000_001));
    expect(result.problems).toEqual([{ line: 1, kind: 'text-too-large', detail: '5000000' }]);
  });
});
