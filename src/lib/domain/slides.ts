/**
 * A material as slides: a title slide (title and lead), then one slide per section. And the
 * keys a presenter uses, keyboard or presentation clicker (clickers send PageUp/PageDown,
 * and "." or B for a black screen).
 */
import type { MaterialText } from '../content/material.schema';

export interface Slide {
  heading: string;
  /** Markdown. */
  body: string;
  /** Markdown, for the presenter only. */
  notes: string | null;
  isTitle: boolean;
}

export function slidesOf(text: MaterialText): Slide[] {
  return [
    { heading: text.title, body: text.lead, notes: null, isTitle: true },
    ...text.sections.map((section) => ({
      heading: section.heading,
      body: section.body,
      notes: section.notes ?? null,
      isTitle: false,
    })),
  ];
}

export type SlideCommand = 'next' | 'previous' | 'first' | 'last' | 'black' | 'exit';

const commands: Record<string, SlideCommand> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  Enter: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Backspace: 'previous',
  Home: 'first',
  End: 'last',
  b: 'black',
  B: 'black',
  '.': 'black',
  Escape: 'exit',
};

/** The command for a key (`KeyboardEvent.key`), or null when the key is not ours. */
export function slideCommand(key: string): SlideCommand | null {
  return commands[key] ?? null;
}

/** The slide index after a command, within 0…count-1. */
export function moveSlide(index: number, count: number, command: SlideCommand): number {
  const last = Math.max(0, count - 1);
  switch (command) {
    case 'next':
      return Math.min(last, index + 1);
    case 'previous':
      return Math.max(0, index - 1);
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return Math.min(last, Math.max(0, index));
  }
}
