import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import QuestionView from '../../src/features/quiz/QuestionView.svelte';
import { makeQuestion } from '../builders';

const multiple = makeQuestion({
  type: 'multiple',
  prompt: { vi: 'Những việc nào là đúng?', en: 'Which are right?' },
  options: [
    { id: 'a', text: { vi: 'Nói không', en: 'Say no' }, correct: true },
    { id: 'b', text: { vi: 'Nhận thử', en: 'Try it' }, correct: false },
    { id: 'c', text: { vi: 'Báo người lớn', en: 'Tell an adult' }, correct: true },
  ],
});

describe('QuestionView', () => {
  test('A multiple-choice question offers checkboxes and states that it scores all-or-nothing', () => {
    render(QuestionView, { question: multiple, choice: [], revealed: false, onchoose: () => {} });
    expect(screen.getByRole('group', { name: 'Những việc nào là đúng?' })).toBeInTheDocument();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByText(/Chỉ được tính điểm khi chọn đủ và đúng hết/)).toBeInTheDocument();
  });

  test('Ticking options reports the whole choice so far', async () => {
    const onchoose = vi.fn();
    const { rerender } = render(QuestionView, { question: multiple, choice: [], revealed: false, onchoose });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Nói không' }));
    expect(onchoose).toHaveBeenLastCalledWith(['a']);
    await rerender({ question: multiple, choice: ['a'], revealed: false, onchoose });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Báo người lớn' }));
    expect(onchoose).toHaveBeenLastCalledWith(['a', 'c']);
  });

  test('A true/false question offers “Đúng” and “Sai” as radio buttons', () => {
    const question = makeQuestion({ type: 'true-false', answer: false });
    render(QuestionView, { question, choice: [], revealed: false, onchoose: () => {} });
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['true', 'false']);
    expect(screen.getByRole('radio', { name: 'Đúng' })).toBeInTheDocument();
  });

  test('A scenario shows its situation and describes the question with it', () => {
    const question = makeQuestion({
      type: 'scenario',
      scenario: { vi: 'Bạn được mời một viên kẹo lạ.', en: 'x' },
    });
    render(QuestionView, { question, choice: [], revealed: false, onchoose: () => {} });
    expect(screen.getByRole('group')).toHaveAccessibleDescription(/Bạn được mời một viên kẹo lạ\./);
  });

  test('Once revealed, the inputs are locked and each option says in words whether it was right', () => {
    render(QuestionView, { question: multiple, choice: ['a', 'b'], revealed: true, onchoose: () => {} });
    for (const box of screen.getAllByRole('checkbox')) expect(box).toBeDisabled();
    expect(screen.getAllByText(/Đáp án đúng/)).toHaveLength(2);
    expect(screen.getByText(/Bạn chọn, chưa đúng/)).toBeInTheDocument();
  });
});
