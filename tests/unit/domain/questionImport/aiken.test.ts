import { describe, expect, test } from 'vitest';
import { parseAiken } from '../../../../src/lib/domain/questionImport/aiken';
import { fixtureText, summaries } from './helpers';

const question = (lines: string[]) => lines.join('\n');

describe('Reading Aiken', () => {
  test('A teacher’s Aiken file gives its questions: a question over two lines, "A)" options, an option over two lines, two answers', () => {
    const result = parseAiken(fixtureText('ky-nang-tu-choi.aiken.txt'));
    expect(result.format).toBe('aiken');
    expect(result.problems).toEqual([]);
    expect(summaries(result)).toEqual([
      '1 single: Khi bạn bè rủ thử "thuốc lắc" ở một bữa tiệc, em nên làm gì? => Thử một chút cho vui | *Từ chối dứt khoát và rời khỏi nơi đó | Cầm về nhà để thử sau | Mua giúp bạn',
      '8 single: Chất nào sau đây\nthường được gọi là "ma túy đá"? => *Methamphetamine | Nicotine | Caffeine | Vitamin B',
      '16 multiple: Những việc nào giúp phòng, chống ma túy trong trường học? => *Tham gia các buổi tuyên truyền về tác hại của ma túy | *Báo cho thầy cô khi thấy người lạ mời chào học sinh trước cổng trường | Giữ im lặng khi thấy bạn bị rủ rê | Nhận quà của người lạ trước cổng trường',
      '24 single: Số điện thoại khẩn cấp để báo tin cho công an là số nào? => *113 | 114 | 115',
    ]);
  });

  test('A missing ANSWER line is a problem at the question’s line, and the question after the blank line is still read', () => {
    const result = parseAiken(
      question([
        'Heroin là gì?',
        'A. Ma túy',
        'B. Vitamin',
        '',
        'Cần sa là gì?',
        'A. Ma túy',
        'B. Rau',
        'ANSWER: A',
      ]),
    );
    expect(result.problems).toEqual([{ line: 1, kind: 'missing-answer-line' }]);
    expect(summaries(result)).toEqual(['5 single: Cần sa là gì? => *Ma túy | Rau']);
  });

  test('A last question without its ANSWER line is a problem too', () => {
    expect(parseAiken(question(['Heroin là gì?', 'A. Ma túy', 'B. Vitamin'])).problems).toEqual([
      { line: 1, kind: 'missing-answer-line' },
    ]);
  });

  test('An answer that is no option, or no letter at all, is a problem at the ANSWER line', () => {
    expect(parseAiken(question(['Q?', 'A. x', 'B. y', 'ANSWER: D'])).problems).toEqual([
      { line: 4, kind: 'answer-not-an-option', detail: 'D' },
    ]);
    expect(parseAiken(question(['Q?', 'A. x', 'B. y', 'ANSWER: đáp án thứ hai'])).problems).toEqual([
      { line: 4, kind: 'answer-unreadable', detail: 'đáp án thứ hai' },
    ]);
  });

  test('Options out of order are a problem, never renumbered; a question starting "B." before any option is text', () => {
    expect(parseAiken(question(['Q?', 'A. x', 'C. y', 'ANSWER: A'])).problems).toEqual([
      { line: 1, kind: 'option-order', detail: 'C' },
    ]);
    expect(summaries(parseAiken(question(['B. Franklin nói gì?', 'A. x', 'B. y', 'ANSWER: B'])))).toEqual([
      '1 single: B. Franklin nói gì? => x | *y',
    ]);
  });

  test('Two options Đúng and Sai make a true-false question; "answer:" in any case and Windows line ends are read', () => {
    const result = parseAiken('Cần sa là ma túy.\r\nA. Đúng\r\nB. Sai\r\nanswer: a\r\n');
    expect(summaries(result)).toEqual(['1 true-false: Cần sa là ma túy. => true']);
  });

  test('Seven options are more than the app’s six', () => {
    const options = 'ABCDEFG'.split('').map((letter) => `${letter}. ${letter}`);
    expect(parseAiken(question(['Q?', ...options, 'ANSWER: A'])).problems).toEqual([
      { line: 1, kind: 'too-many-options', detail: '7' },
    ]);
  });

  test('Text with no question in it says so', () => {
    expect(parseAiken('\n\n').problems).toEqual([{ line: 1, kind: 'no-questions' }]);
  });
});
