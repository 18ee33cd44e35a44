import { describe, expect, test } from 'vitest';
import { parseAzota } from '../../../../src/lib/domain/questionImport/azota';
import { fixtureText, summaries } from './helpers';

const text = (...lines: string[]) => lines.join('\n');

describe('Reading Azota-style text pasted from Word', () => {
  test('A test saved from Notepad gives its questions, answers from the key table and the asterisk, and skips the essay', () => {
    const result = parseAzota(fixtureText('de-kiem-tra.azota.txt'));
    expect(result.format).toBe('azota');
    expect(result.problems).toEqual([]);
    expect(summaries(result)).toEqual([
      '6 single: Ngày Quốc tế phòng, chống ma túy là ngày nào? => *26/6 | 1/12 | 31/5 | 5/6',
      '8 single: Tháng hành động phòng, chống ma túy ở Việt Nam là tháng mấy? => Tháng 3 | *Tháng 6 | Tháng 9 | Tháng 11',
      '14 single: Khi được người lạ mời kẹo hoặc nước uống không rõ nguồn gốc, em nên\nlàm gì? => Nhận và dùng thử ngay | *Từ chối và báo cho thầy cô, cha mẹ hoặc người lớn tin cậy | Nhận rồi mang cho bạn | Giữ lại để dùng sau',
      '21 true-false: Thuốc lá điện tử có chứa nicotine, một chất gây nghiện. => true',
      '24 multiple: Những chất nào sau đây là ma túy? => *Heroin | *Cần sa | Vitamin C | Muối ăn',
      '29 single: Luật Phòng, chống ma túy năm 2021 có hiệu lực từ ngày nào? => *01/01/2022 | 01/01/2021 | 01/07/2022 | 26/06/2021',
      '31 single: Bóng cười chứa khí gì? => *Khí N2O (khí cười) | Khí oxy | Khí CO2 | Hơi nước',
      '32 single: Ma túy có thể được giấu trong những gì? => *Kẹo, bánh, nước uống, tem giấy, v.v. | Chỉ trong thuốc lá | Chỉ trong thuốc viên | Không thể giấu được',
    ]);
    expect(result.skipped).toEqual([{ line: 37, kind: 'essay' }]);
  });

  test('Non-breaking and zero-width spaces, tabs and Windows line ends leave no trace in the drafts', () => {
    const drafts = JSON.stringify(parseAzota(fixtureText('de-kiem-tra.azota.txt')).questions);
    expect(drafts).not.toMatch(/[\u00a0\u200b\t\r]/);
  });

  test('Pasted without marks (Word’s underline is lost), each question is a problem that says so, at its line', () => {
    const result = parseAzota(fixtureText('thieu-dap-an.azota.txt'));
    expect(result.questions).toEqual([]);
    expect(result.problems).toEqual([
      { line: 1, kind: 'no-answer-marked' },
      { line: 6, kind: 'no-answer-marked' },
      { line: 9, kind: 'no-answer-marked' },
    ]);
  });

  test('Key tables are read in every common spelling, several pairs a line, with or without a heading', () => {
    const questions = [1, 2, 3, 4, 5, 6].map((n) => `Câu ${n}: Câu hỏi ${n}?\nA. a\nB. b\nC. c\nD. d`);
    const answers = (result: ReturnType<typeof parseAzota>) =>
      result.questions.map((q) =>
        q.draft.type === 'true-false' ? '' : q.draft.options.findIndex((o) => o.correct),
      );
    const headed = parseAzota(
      text(...questions, 'BẢNG ĐÁP ÁN', '1-A 2.B 3C', '4: D', 'Câu 5: A   Câu 6 - B'),
    );
    expect(headed.problems).toEqual([]);
    expect(answers(headed)).toEqual([0, 1, 2, 3, 0, 1]);
    const bare = parseAzota(text(...questions, '1-A, 2-B, 3-C; 4-D | 5-A 6-B'));
    expect(bare.problems).toEqual([]);
    expect(answers(bare)).toEqual([0, 1, 2, 3, 0, 1]);
    const onePerLine = parseAzota(text(...questions, '1-A', '2.B', '3C', '4: D', '5) A', '6-B'));
    expect(onePerLine.problems).toEqual([]);
    expect(answers(onePerLine)).toEqual([0, 1, 2, 3, 0, 1]);
    const grid = parseAzota(
      text(...questions, 'Đáp án', 'Câu\t1\t2\t3\t4\t5\t6', 'Đáp án\tA\tB\tC\tD\tA\tB'),
    );
    expect(grid.problems).toEqual([]);
    expect(answers(grid)).toEqual([0, 1, 2, 3, 0, 1]);
  });

  test('An asterisk before or after the letter marks the answer, and so does a line "Đáp án: B" or "ANSWER: B"', () => {
    const result = parseAzota(
      text(
        'Câu 1: Một?',
        '*A. a',
        'B. b',
        'Câu 2: Hai?',
        'A. a',
        'B.* b',
        'Câu 3: Ba?',
        'A. a',
        'B. *b',
        'Câu 4: Bốn?',
        'A. a',
        'B. b',
        'Đáp án: B',
        'Câu 5: Năm?',
        'A. a',
        'B. b',
        'ANSWER: A',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(summaries(result)).toEqual([
      '1 single: Một? => *a | b',
      '4 single: Hai? => a | *b',
      '7 single: Ba? => a | *b',
      '10 single: Bốn? => a | *b',
      '14 single: Năm? => *a | b',
    ]);
  });

  test('Several letters for one question make a multiple-answer question', () => {
    const result = parseAzota(
      text('Câu 1: Chất nào là ma túy?', 'A. Heroin  B. Muối  C. Cần sa', 'Đáp án', '1-AC'),
    );
    expect(summaries(result)).toEqual(['1 multiple: Chất nào là ma túy? => *Heroin | Muối | *Cần sa']);
  });

  test('Marks that disagree are a problem, never a guess', () => {
    const result = parseAzota(text('Câu 1: Q?', '*A. a', 'B. b', 'ĐÁP ÁN', '1-B'));
    expect(result.questions).toEqual([]);
    expect(result.problems).toEqual([{ line: 1, kind: 'answer-conflict', detail: '*A / 1-B' }]);
  });

  test('Options split only at the next letter in sequence: "TP. HCM", "v.v." and "vitamin A." stay whole', () => {
    const result = parseAzota(
      text(
        'Câu 1: Ai cần vitamin A. Chọn ý đúng: A. Người ở TP. HCM, Hà Nội, v.v. B. Không ai *C. Mọi người',
      ),
    );
    expect(summaries(result)).toEqual([
      '1 single: Ai cần vitamin A. Chọn ý đúng: => Người ở TP. HCM, Hà Nội, v.v. | Không ai | *Mọi người',
    ]);
  });

  test('"Câu 1.", "Câu 1 :", "CÂU 1:", "Câu 1 (0,5 điểm):" and "Question 1:" all start a question; lower-case "a)" options read', () => {
    const result = parseAzota(
      text(
        'Câu 1. Một?',
        'A. x',
        '*B. y',
        'Câu 2 : Hai?',
        '*A. x',
        'B. y',
        'CÂU 3: Ba?',
        'A. x',
        '*B. y',
        'Câu 4 (0,5 điểm): Bốn?',
        '*a) x',
        'b) y',
        'Question 5: Five?',
        'A. x',
        '*B. y',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.draft.prompt)).toEqual(['Một?', 'Hai?', 'Ba?', 'Bốn?', 'Five?']);
  });

  test('"Lời giải:" starts the explanation, and text after the answer line joins it', () => {
    const result = parseAzota(
      text(
        'Câu 1: Ngày 26/6 là ngày gì?',
        '*A. Ngày Quốc tế phòng, chống ma túy',
        'B. Ngày Nhà giáo',
        'Lời giải: Liên Hợp Quốc chọn ngày 26/6.',
        'Hằng năm có nhiều hoạt động hưởng ứng.',
        'Câu 2: Q?',
        'A. a',
        'B. b',
        'Đáp án: A',
        'Vì a đúng.',
      ),
    );
    expect(result.questions.map((q) => q.draft.explanation)).toEqual([
      'Liên Hợp Quốc chọn ngày 26/6.\nHằng năm có nhiều hoạt động hưởng ứng.',
      'Vì a đúng.',
    ]);
  });

  test('An answer letter that is not an option, options out of order, or one option only are problems at their lines', () => {
    expect(parseAzota(text('Câu 1: Q?', 'A. a', 'B. b', 'ĐÁP ÁN', '1-D')).problems).toEqual([
      { line: 5, kind: 'answer-not-an-option', detail: 'D' },
    ]);
    expect(parseAzota(text('Câu 1: Q?', '*A. a', 'C. c')).problems).toEqual([
      { line: 1, kind: 'option-order', detail: 'C' },
    ]);
    expect(parseAzota(text('Câu 1: Q?', '*A. a')).problems).toEqual([{ line: 1, kind: 'one-option' }]);
  });

  test('The key table’s own mistakes are named: an unknown question, a question given twice, an unreadable line', () => {
    const result = parseAzota(
      text(
        'Câu 1: Q?',
        'A. a',
        'B. b',
        'Câu 2: R?',
        'A. a',
        'B. b',
        'Đáp án',
        '1-A 2-B 9-C',
        '1-B',
        '3 4 xyz',
      ),
    );
    expect(result.problems).toEqual([
      { line: 9, kind: 'duplicate-key', detail: '1' },
      { line: 10, kind: 'key-unreadable', detail: '3 4 xyz' },
      { line: 8, kind: 'key-unknown-question', detail: '9' },
    ]);
  });

  test('Two questions with the same number are a problem only when the key table names that number', () => {
    const twice = text('Câu 1: Q?', '*A. a', 'B. b', 'Câu 1: R?', 'A. a', '*B. b');
    expect(parseAzota(twice).problems).toEqual([]);
    expect(parseAzota(text(twice, 'ĐÁP ÁN', '1-A')).problems).toEqual([
      { line: 1, kind: 'duplicate-number', detail: '1' },
      { line: 4, kind: 'duplicate-number', detail: '1' },
    ]);
  });

  test('A question the key answers but whose options were not recognised is a problem, not skipped as an essay', () => {
    const result = parseAzota(text('Câu 1: Q?', '1) a', '2) b', 'ĐÁP ÁN', '1-A'));
    expect(result.problems).toEqual([{ line: 1, kind: 'no-options' }]);
    expect(result.skipped).toEqual([]);
  });

  test('"Đáp án nào sau đây đúng?" in a question is text, not the start of a key table', () => {
    const result = parseAzota(
      text('Câu 1: Về ma túy,', 'Đáp án nào sau đây đúng?', 'A. Có hại', '*B. Vô hại'),
    );
    expect(result.questions[0]?.draft.prompt).toBe('Về ma túy,\nĐáp án nào sau đây đúng?');
  });

  test('Text with no numbered question says so', () => {
    expect(parseAzota('Ma túy là gì?\nA. x\nB. y').problems).toEqual([{ line: 1, kind: 'no-questions' }]);
  });
});
