import { describe, expect, test } from 'vitest';
import { moveSlide, slideCommand, slidesOf } from '../../../src/lib/domain/slides';

const text = {
  title: 'Nhận biết ma túy núp bóng',
  lead: 'Mở đầu.',
  sections: [
    { heading: 'Là gì?', body: 'Nội dung 1', notes: 'Hỏi cả lớp.' },
    { heading: 'Làm gì?', body: 'Nội dung 2' },
  ],
  readingMinutes: 2,
  searchText: '',
};

describe('slides', () => {
  test('A material becomes a title slide and then one slide per section, notes kept for the presenter', () => {
    const slides = slidesOf(text);
    expect(slides.map((s) => s.heading)).toEqual(['Nhận biết ma túy núp bóng', 'Là gì?', 'Làm gì?']);
    expect(slides.map((s) => s.notes)).toEqual([null, 'Hỏi cả lớp.', null]);
    expect(slides[0]?.isTitle).toBe(true);
  });

  test('Arrows, PageUp/PageDown, Home/End, B and "." are the presenter keys; Esc leaves', () => {
    expect(['ArrowRight', 'ArrowDown', 'PageDown', ' '].map(slideCommand)).toEqual([
      'next',
      'next',
      'next',
      'next',
    ]);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map(slideCommand)).toEqual([
      'previous',
      'previous',
      'previous',
    ]);
    expect(['Home', 'End', 'b', 'B', '.', 'Escape'].map(slideCommand)).toEqual([
      'first',
      'last',
      'black',
      'black',
      'black',
      'exit',
    ]);
    expect(slideCommand('x')).toBeNull();
  });

  test('Moving never leaves the deck', () => {
    expect(moveSlide(2, 3, 'next')).toBe(2);
    expect(moveSlide(0, 3, 'previous')).toBe(0);
    expect(moveSlide(1, 3, 'last')).toBe(2);
    expect(moveSlide(2, 3, 'first')).toBe(0);
  });
});
