import { describe, expect, test } from 'vitest';
import { parseQuestionText } from '../../../../src/lib/domain/questionImport';
import { parseGift } from '../../../../src/lib/domain/questionImport/gift';
import { questionDraftSchema } from '../../../../src/lib/domain/ownContent.schema';
import { bigGift } from '../../../fixtures/banks/bigGift.mjs';
import { fixtureText, summaries } from './helpers';

const bank = fixtureText('phong-chong-ma-tuy.gift');

describe('Reading GIFT', () => {
  test("The GIFT documentation's examples, translated, give single, true-false and multiple-answer drafts at their lines", async () => {
    const result = await parseGift(bank);
    expect(result.format).toBe('gift');
    expect(result.problems).toEqual([]);
    expect(summaries(result)).toEqual([
      '7 single: Ngày Quốc tế phòng, chống ma túy là ngày nào? => *26 tháng 6 | 1 tháng 12 | 31 tháng 5 | 5 tháng 6',
      '14 single: Tháng hành động phòng, chống ma túy ở Việt Nam là tháng mấy? => Tháng 3 | *Tháng 6 | Tháng 9 | Tháng 11',
      '17 true-false: Thuốc lá điện tử có chứa nicotine, một chất gây nghiện. => true',
      '19 true-false: Hút thử ma túy một lần thì không thể bị nghiện. => false',
      '22 multiple: Những chất nào sau đây là ma túy? => *Heroin | *Cần sa | Vitamin C | Muối ăn',
      '30 single: Khi được người lạ mời kẹo hoặc nước uống không rõ nguồn gốc, em nên làm gì? => *Từ chối và báo cho người lớn tin cậy | Nhận và dùng thử | Nhận rồi mang cho bạn',
      '36 single: Bóng cười chứa khí N2O. Hít bóng cười có an toàn không? => *Không an toàn | An toàn nếu chỉ hít ít',
      '39 single: Dùng chung bơm kim tiêm có thể làm lây _____ và nhiều bệnh khác. => *HIV | cảm cúm | sâu răng',
      '42 single: Trong GIFT, các ký hiệu { } = ~ # và : trong câu chữ phải viết thế nào? => *Thêm dấu \\ phía trước | Viết bình thường',
      '45 single: Luật Phòng, chống ma túy năm 2021 có hiệu lực từ ngày nào? => *01/01/2022 | 01/01/2021 | 01/07/2022 | 26/06/2021',
    ]);
    for (const question of result.questions)
      expect(questionDraftSchema.safeParse(question.draft).success).toBe(true);
  });

  test('Each question keeps the $CATEGORY in force, without its context and top, and a category needs no blank line after it', async () => {
    const result = await parseGift(bank);
    expect(result.questions.map((question) => question.category)).toEqual([
      ...Array(9).fill('Phòng, chống ma túy/Kiến thức chung'),
      'Phòng, chống ma túy/Luật',
    ]);
    const tight = await parseGift('$CATEGORY: Kỹ năng\n::a::Có nên thử ma túy?{~Có =Không}');
    expect(tight.questions.map((question) => [question.line, question.category])).toEqual([[2, 'Kỹ năng']]);
  });

  test('Essay, numerical, short-answer, matching questions and descriptions are listed as skipped with their line', async () => {
    expect((await parseGift(bank)).skipped).toEqual([
      { line: 48, kind: 'essay' },
      { line: 50, kind: 'numerical' },
      { line: 52, kind: 'short-answer' },
      { line: 54, kind: 'matching' },
      { line: 60, kind: 'description' },
    ]);
  });

  test('General feedback is the explanation; without it the right option’s feedback is, and wrong options’ feedback is left out', async () => {
    const [general, perAnswer] = (
      await parseGift(
        bank + '\n\nCó nên thử ma túy?{~Có#Sai rồi. =Không#Đúng: không có lần thử nào an toàn.}',
      )
    ).questions.filter((question) => question.line === 7 || question.line === 63);
    expect(general?.draft.explanation).toBe('Ngày 26/6 hằng năm là Ngày Quốc tế phòng, chống ma túy.');
    expect(perAnswer?.draft.explanation).toBe('Đúng: không có lần thử nào an toàn.');
  });

  test("A true-false question's explanation is its feedback for the right answer, the second # as Moodle reads it", async () => {
    const tf = (await parseGift(bank)).questions.find((question) => question.line === 19);
    expect(tf?.draft.explanation).toBe('Đúng: không có lần thử nào là an toàn.');
  });

  test('Weights make a multiple-answer question only with two right and one wrong; otherwise a problem names why', async () => {
    const read = async (answers: string) => (await parseGift(`Chất nào là ma túy? {${answers}}`)).problems;
    expect(await read('~%50%Heroin ~%50%Cần sa ~%-100%Muối')).toEqual([]);
    expect(await read('~%100%Heroin ~Muối ~Đường')).toEqual([{ line: 1, kind: 'too-few-correct' }]);
    expect(await read('~%50%Heroin ~%50%Cần sa')).toEqual([{ line: 1, kind: 'all-correct' }]);
    expect(await read('~Heroin ~Muối')).toEqual([{ line: 1, kind: 'no-answer' }]);
  });

  test('Several = in one question is a problem, never a guess, and partial weights beside one = are ignored', async () => {
    expect((await parseGift('Q? {=A =B ~C}')).problems).toEqual([{ line: 1, kind: 'several-correct' }]);
    const partial = await parseGift('Ma túy đá là gì? {=Methamphetamine ~%50%Amphetamine ~Cafein}');
    expect(summaries(partial)).toEqual([
      '1 single: Ma túy đá là gì? => *Methamphetamine | Amphetamine | Cafein',
    ]);
  });

  test('HTML and Markdown become plain text: tags, scripts and emphasis go, entities are decoded once', async () => {
    const result = await parseGift(
      '[html]<script>alert(1)</script><p>Ma túy &amp; rượu: dấu &lt;b&gt;<br>hai dòng</p><img src=x onerror=alert(1)>' +
        '{=[markdown]**Có**, [xem](https://example.org) ~[html]<i>Không</i>&nbsp;&agrave;}',
    );
    const draft = result.questions[0]?.draft;
    expect(draft?.prompt).toBe('Ma túy & rượu: dấu <b>\nhai dòng');
    expect(draft?.type === 'single' && draft.options.map((option) => option.text)).toEqual([
      'Có, xem',
      'Không à',
    ]);
  });

  test('[plain] text is taken as written', async () => {
    const result = await parseGift('[plain]Viết <b> là chữ {=Đúng vậy ~Không}');
    expect(result.questions[0]?.draft.prompt).toBe('Viết <b> là chữ');
  });

  test('Escaped characters are text, \\n is a line break, and = ~ # : need no escaping where Moodle reads them as text', async () => {
    const result = await parseGift('Câu 1: a \\{b\\} \\= \\~ \\# \\: \\\\\\nhai {=Đúng: vì thế ~Sai}');
    expect(summaries(result)).toEqual(['1 single: Câu 1: a {b} = ~ # : \\\nhai => *Đúng: vì thế | Sai']);
    expect((await parseGift('Sinh năm nào? {#1822:5}')).skipped).toEqual([{ line: 1, kind: 'numerical' }]);
    // The documentation's own example: = ~ # outside the answers are text, as Moodle reads them.
    expect(summaries(await parseGift('::Q1:: 1+1=2 ~ #1 {T}'))).toEqual(['1 true-false: 1+1=2 ~ #1 => true']);
  });

  test('A syntax error is reported at its own line, moved by where its question starts, and the next questions are still read', async () => {
    const result = await parseGift(
      'Q1?{=A ~B}\n\n// ghi chú\nCâu hỏi?{\n=A\n~%abc%B\n}\n\nQ3?{=x ~y}\n\nQ4?{=x ~y',
    );
    expect(result.problems).toEqual([
      { line: 6, kind: 'syntax', detail: '~%abc%B' },
      { line: 11, kind: 'syntax', detail: 'Q4?{=x ~y' },
    ]);
    expect(result.questions.map((question) => question.line)).toEqual([1, 9]);
  });

  test('Comment lines are left out wherever they stand, and a blank line inside open answers does not split the question', async () => {
    const result = await parseGift('// đầu tệp\nQ?{\n// giữa câu\n=A\n\n~B\n}\n\n// cuối tệp');
    expect(summaries(result)).toEqual(['2 single: Q? => *A | B']);
    expect(result.problems).toEqual([]);
  });

  test('Two options "Đúng" and "Sai" make a true-false question; a title alone is no question text', async () => {
    expect(summaries(await parseGift('Heroin là ma túy.{=Đúng ~Sai}'))).toEqual([
      '1 true-false: Heroin là ma túy. => true',
    ]);
    expect((await parseGift('::Chỉ tiêu đề:: {T}')).problems).toEqual([{ line: 1, kind: 'empty-prompt' }]);
  });

  test('Text with only comments and categories says no question was found; decomposed text comes out NFC', async () => {
    expect((await parseGift('// chỉ có ghi chú\n$CATEGORY: Luật\n')).problems).toEqual([
      { line: 1, kind: 'no-questions' },
    ]);
    const decomposed = await parseGift('[html]Ma tu&#769;y la&#768; gi&#768;?{=Chất gây nghiện ~Thực phẩm}');
    expect(decomposed.questions[0]?.draft.prompt).toBe('Ma túy là gì?');
  });

  test('More than six options, or text over the limits, is a problem: never cut', async () => {
    expect((await parseGift('Q {=A ~B ~C ~D ~E ~F ~G}')).problems).toEqual([
      { line: 1, kind: 'too-many-options', detail: '7' },
    ]);
    const long = 'Ma túy '.repeat(300);
    expect((await parseGift(`${long}{=A ~B}`)).problems).toEqual([
      { line: 1, kind: 'prompt-too-long', detail: expect.stringMatching(/^Ma túy Ma túy .*…$/) },
    ]);
  });

  test('Windows line ends, a byte-order mark, non-breaking and zero-width spaces change nothing', async () => {
    const messy =
      '\ufeff' + bank.replaceAll('\n', '\r\n').replaceAll('Ngày Quốc tế', 'Ngày\u00a0Quốc\u200b tế');
    const clean = await parseGift(bank);
    const read = await parseGift(messy);
    expect(read.problems).toEqual([]);
    expect(read.questions.map((question) => question.draft)).toEqual(
      clean.questions.map((question) => question.draft),
    );
    expect(read.questions.map((question) => question.line)).toEqual(
      clean.questions.map((question) => question.line),
    );
  });

  test('A 2,000-question bank gives 2,000 drafts that pass the schema, with one category per hundred questions', async () => {
    const result = await parseQuestionText(bigGift(2000));
    expect(result.format).toBe('gift');
    expect(result.problems).toEqual([]);
    expect(result.questions).toHaveLength(2000);
    expect(new Set(result.questions.map((question) => question.category)).size).toBe(20);
    expect(result.questions.every((question) => questionDraftSchema.safeParse(question.draft).success)).toBe(
      true,
    );
    expect(new Set(result.questions.map((question) => question.draft.type))).toEqual(
      new Set(['single', 'true-false', 'multiple']),
    );
  });
});
