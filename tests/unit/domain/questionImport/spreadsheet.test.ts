import { readSheet } from 'read-excel-file/node';
import { describe, expect, test } from 'vitest';
import { parseSheet, sheetLayout } from '../../../../src/lib/domain/questionImport/spreadsheet';
import { fixtureBytes, summaries } from './helpers';

/** The first sheet of a fixture as the file reader gives it: every cell as text. */
async function sheetRows(name: string): Promise<string[][]> {
  const rows = await readSheet(Buffer.from(fixtureBytes(name)));
  return rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
}

const kahootHeader = [
  'Question - max 120 characters',
  'Answer 1 - max 75 characters',
  'Answer 2 - max 75 characters',
  'Answer 3 - max 75 characters',
  'Answer 4 - max 75 characters',
  'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs',
  'Correct answer(s) - choose at least one',
];
const quizizzHeader = [
  'Question Text',
  'Question Type',
  'Option 1',
  'Option 2',
  'Option 3',
  'Option 4',
  'Option 5',
  'Correct Answer',
  'Time in seconds',
  'Image Link',
  'Answer explanation',
];
const kahoot = (...rows: string[][]) => parseSheet([['Quiz template'], [], kahootHeader, ...rows]);

describe('Reading the Kahoot and Quizizz spreadsheet templates', () => {
  test('Kahoot’s template: the header is found under its title rows, and each row is a question at its sheet row', async () => {
    const result = parseSheet(await sheetRows('kahoot-template.xlsx'));
    expect(result?.format).toBe('kahoot');
    expect(result?.problems).toEqual([]);
    expect(result && summaries(result)).toEqual([
      '9 single: Ngày Quốc tế phòng, chống ma túy là ngày nào? => *26/6 | 1/12 | 31/5 | 5/6',
      '10 true-false: Thuốc lá điện tử có chứa nicotine, một chất gây nghiện. => true',
      '11 multiple: Những chất nào sau đây là ma túy? => *Heroin | *Cần sa | Vitamin C | Muối ăn',
      '12 single: Số điện thoại khẩn cấp của công an là số nào? => *113 | 114 | 115',
      '13 multiple: Những việc nào giúp phòng, chống ma túy? => *Tham gia tuyên truyền | Nhận quà của người lạ | *Báo thầy cô khi bị rủ rê | Thử cho biết',
    ]);
  });

  test('Each question keeps its time limit, so a contest time can be suggested from their sum', async () => {
    const result = parseSheet(await sheetRows('kahoot-template.xlsx'));
    expect(result?.questions.map((question) => question.timeLimitSeconds)).toEqual([20, 10, 30, 20, 60]);
  });

  test('Quizizz’s template: its row of explanations is passed over, other types are skipped with their row', async () => {
    const result = parseSheet(await sheetRows('quizizz-template.xlsx'));
    expect(result?.format).toBe('quizizz');
    expect(result?.problems).toEqual([]);
    expect(result && summaries(result)).toEqual([
      '3 single: Ngày Quốc tế phòng, chống ma túy là ngày nào? => *26/6 | 1/12 | 31/5 | 5/6',
      '4 multiple: Những chất nào sau đây là ma túy? => *Heroin | *Cần sa | Vitamin C | Muối ăn',
      '8 single: Tháng hành động phòng, chống ma túy ở Việt Nam là tháng mấy? => Tháng 3 | *Tháng 6 | Tháng 9 | Tháng 11 | Tháng 12',
    ]);
    expect(result?.skipped).toEqual([
      { line: 5, kind: 'open-ended' },
      { line: 6, kind: 'fill-in-the-blank' },
      { line: 7, kind: 'poll' },
    ]);
    expect(result?.questions.map((question) => question.draft.explanation)).toEqual([
      'Ngày 26/6 hằng năm là Ngày Quốc tế phòng, chống ma túy.',
      '',
      'Tháng 6 hằng năm là Tháng hành động phòng, chống ma túy.',
    ]);
    expect(result?.questions.map((question) => question.timeLimitSeconds)).toEqual([30, 45, 20]);
  });

  test('Columns are found by their names, in any order', () => {
    const order = [2, 0, 1, 3, 4, 5, 6, 7, 8, 9, 10];
    const row = [
      'Ma túy là gì?',
      'Multiple Choice',
      'Chất gây nghiện',
      'Thực phẩm',
      '',
      '',
      '',
      '1',
      '',
      '',
      '',
    ];
    const result = parseSheet([
      order.map((i) => quizizzHeader[i] as string),
      order.map((i) => row[i] as string),
    ]);
    expect(result && summaries(result)).toEqual(['2 single: Ma túy là gì? => *Chất gây nghiện | Thực phẩm']);
  });

  test('Right answers that are missing, unreadable or name an empty answer are problems at their row', () => {
    expect(kahoot(['Q?', 'a', 'b', '', '', '20', ''])?.problems).toEqual([{ line: 4, kind: 'no-answer' }]);
    expect(kahoot(['Q?', 'a', 'b', '', '', '20', 'hai'])?.problems).toEqual([
      { line: 4, kind: 'answer-unreadable', detail: 'hai' },
    ]);
    expect(kahoot(['Q?', 'a', 'b', '', '', '20', '3'])?.problems).toEqual([
      { line: 4, kind: 'answer-not-an-option', detail: '3' },
    ]);
    expect(kahoot(['Q?', 'a', 'b', '', '', 'nhanh', '1'])?.problems).toEqual([
      { line: 4, kind: 'time-limit-invalid', detail: 'nhanh' },
    ]);
  });

  test('An answer left empty between two filled ones keeps the numbering of the template', () => {
    expect(kahoot(['Q?', 'a', '', 'c', '', '', '3'])?.questions.map((q) => q.draft)).toEqual([
      {
        type: 'single',
        prompt: 'Q?',
        explanation: '',
        options: [
          { id: 'a', text: 'a', correct: false },
          { id: 'b', text: 'c', correct: true },
        ],
      },
    ]);
  });

  test('Quizizz Multiple Choice with several right is a problem; Checkbox with one right is a problem', () => {
    const quizizz = (type: string, correct: string) =>
      parseSheet([quizizzHeader, ['Q?', type, 'a', 'b', 'c', '', '', correct, '', '', '']])?.problems;
    expect(quizizz('Multiple Choice', '1,2')).toEqual([{ line: 2, kind: 'several-correct' }]);
    expect(quizizz('Checkbox', '2')).toEqual([{ line: 2, kind: 'too-few-correct' }]);
    expect(quizizz('Checkbox', '1,2,3')).toEqual([{ line: 2, kind: 'all-correct' }]);
    expect(quizizz('', '1')).toEqual([]);
  });

  test('A sheet that is neither template is not read as one', () => {
    expect(
      sheetLayout([
        ['STT', 'Tên lớp', 'Sĩ số'],
        ['1', '6A1', '35'],
      ]),
    ).toBeUndefined();
    expect(parseSheet([['Câu hỏi', 'Đáp án']])).toBeUndefined();
  });

  test('A template with no question rows says so', () => {
    expect(kahoot()?.problems).toEqual([{ line: 4, kind: 'no-questions' }]);
  });
});
