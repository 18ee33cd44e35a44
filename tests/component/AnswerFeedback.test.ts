import { render, screen } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import AnswerFeedback from '../../src/features/quiz/AnswerFeedback.svelte';
import type { Source } from '../../src/lib/content/content.schema';
import { makeQuestion } from '../builders';

const sources = new Map<string, Source>([
  [
    'luat-pcmt-2021',
    { id: 'luat-pcmt-2021', title: { vi: 'Luật Phòng, chống ma túy số 73/2021/QH14', en: 'Law 73' } },
  ],
]);
const question = makeQuestion({
  type: 'single',
  prompt: { vi: 'Luật có hiệu lực từ khi nào?', en: 'When?' },
  explanation: { vi: 'Luật có hiệu lực từ 01/01/2022.', en: 'From 1 January 2022.' },
  options: [
    { id: 'a', text: { vi: '01/01/2022', en: '1 January 2022' }, correct: true },
    { id: 'b', text: { vi: '01/7/2020', en: '1 July 2020' }, correct: false },
  ],
  sources: [{ source: 'luat-pcmt-2021', locator: { vi: 'Điều 55', en: 'Article 55' } }],
});

describe('AnswerFeedback', () => {
  test('A wrong answer shows the verdict, the right answer, the explanation and the source with its place', () => {
    render(AnswerFeedback, { question, choice: ['b'], sources });
    expect(screen.getByText('✗ Chưa đúng.')).toBeInTheDocument();
    expect(screen.getByText('A. 01/01/2022')).toBeInTheDocument();
    expect(screen.getByText('Luật có hiệu lực từ 01/01/2022.')).toBeInTheDocument();
    expect(screen.getByText(/Luật Phòng, chống ma túy số 73\/2021\/QH14, Điều 55/)).toBeInTheDocument();
  });

  test('In the review of mistakes it also shows the question and what the learner chose', () => {
    render(AnswerFeedback, { question, choice: [], sources, withQuestion: true });
    expect(screen.getByText('Luật có hiệu lực từ khi nào?')).toBeInTheDocument();
    expect(screen.getByText('Chưa trả lời')).toBeInTheDocument();
  });

  test('A right answer says so without repeating the answer', () => {
    render(AnswerFeedback, { question, choice: ['a'], sources });
    expect(screen.getByText('✓ Chính xác!')).toBeInTheDocument();
    expect(screen.queryByText('Đáp án đúng')).not.toBeInTheDocument();
  });
});
