import { readFileSync } from 'node:fs';
import type { ImportedQuestion, ImportResult } from '../../../../src/lib/domain/questionImport';

const fixtureUrl = (name: string) => new URL(`../../../fixtures/banks/${name}`, import.meta.url);
export const fixtureText = (name: string) => readFileSync(fixtureUrl(name), 'utf8');
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixtureUrl(name)));

/** A question as one line: its line, type, prompt and options, the right ones starred. */
export function summary({ line, draft }: ImportedQuestion): string {
  const answers =
    draft.type === 'true-false'
      ? String(draft.answer)
      : draft.options.map((option) => `${option.correct ? '*' : ''}${option.text}`).join(' | ');
  return `${line} ${draft.type}: ${draft.prompt} => ${answers}`;
}

export const summaries = (result: ImportResult) => result.questions.map(summary);
