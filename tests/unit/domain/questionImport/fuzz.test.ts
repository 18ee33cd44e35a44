/**
 * Broken files are refused or read, never a crash: for each valid fixture, 300 seeded random
 * truncations, cuts, splices and stray characters, read as detected and as each text format.
 * Whatever comes back is a result whose questions all pass the schema and whose lines exist.
 */
import { readSheet } from 'read-excel-file/node';
import { describe, expect, test } from 'vitest';
import {
  importFormats,
  importProblemKinds,
  parseQuestionText,
  parseSheet,
  skippedKinds,
  type ImportResult,
} from '../../../../src/lib/domain/questionImport';
import { questionDraftSchema } from '../../../../src/lib/domain/ownContent.schema';
import { seededRandom, type Random } from '../../../../src/lib/domain/random';
import { bigGift } from '../../../fixtures/banks/bigGift.mjs';
import { fixtureBytes, fixtureText } from './helpers';

const rounds = 300;
const noise = [
  '{',
  '}',
  '=',
  '~',
  '#',
  ':',
  '::',
  '\\',
  '%',
  '*',
  '\n',
  '\n\n',
  '\r',
  'A.',
  'B)',
  'Câu 9:',
  'ĐÁP ÁN',
  '1-A',
  '$CATEGORY:',
  '[html]<b>',
  '\u00a0',
  '\u200b',
  '####',
];

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)] as T;
const at = (length: number, random: Random) => Math.floor(random() * (length + 1));

/** One random damage: cut the end, cut a piece out, copy a piece elsewhere, or drop in stray characters. */
function damage(text: string, random: Random): string {
  const a = at(text.length, random);
  const b = at(text.length, random);
  const [from, to] = a < b ? [a, b] : [b, a];
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, from);
    case 1:
      return text.slice(0, from) + text.slice(to);
    case 2:
      return (
        text.slice(0, at(text.length, random)) + text.slice(from, to) + text.slice(at(text.length, random))
      );
    default: {
      let out = text;
      for (let i = 0; i < 1 + Math.floor(random() * 5); i++) {
        const where = at(out.length, random);
        out = out.slice(0, where) + pick(noise, random) + out.slice(where);
      }
      return out;
    }
  }
}

function expectWellFormed(result: ImportResult, lineCount: number) {
  expect(importFormats).toContain(result.format);
  for (const question of result.questions) {
    expect(questionDraftSchema.safeParse(question.draft).success).toBe(true);
    expect(question.line).toBeGreaterThanOrEqual(1);
    expect(question.line).toBeLessThanOrEqual(lineCount);
  }
  for (const problem of result.problems) {
    expect(importProblemKinds).toContain(problem.kind);
    expect(
      Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= Math.max(lineCount, 1),
    ).toBe(true);
  }
  for (const skipped of result.skipped) expect(skippedKinds).toContain(skipped.kind);
}

const textFixtures = {
  gift: fixtureText('phong-chong-ma-tuy.gift'),
  aiken: fixtureText('ky-nang-tu-choi.aiken.txt'),
  azota: fixtureText('de-kiem-tra.azota.txt'),
  'azota without answers': fixtureText('thieu-dap-an.azota.txt'),
  'generated GIFT': bigGift(40),
};

// Hundreds of parses a test: a second or two alone, several times that on a loaded machine.
const fuzzTimeout = 60_000;

describe('Damaged question files', () => {
  for (const [name, original] of Object.entries(textFixtures)) {
    test(
      `${rounds} random damages of the ${name} fixture are read as problems or valid drafts, never an error`,
      async () => {
        const random = seededRandom(name.length * 7919 + original.length);
        for (let round = 0; round < rounds; round++) {
          const text = damage(original, random);
          const lineCount = text.split(/\r\n?|\n|[\v\f\u2028\u2029\u0085]/).length;
          expectWellFormed(await parseQuestionText(text), lineCount);
          expectWellFormed(
            await parseQuestionText(text, pick(['gift', 'aiken', 'azota'] as const, random)),
            lineCount,
          );
        }
      },
      fuzzTimeout,
    );
  }

  for (const name of ['kahoot-template.xlsx', 'quizizz-template.xlsx']) {
    test(
      `${rounds} random damages of the ${name} rows are read as problems or valid drafts, never an error`,
      async () => {
        const original = (await readSheet(Buffer.from(fixtureBytes(name)))).map((row) =>
          row.map((cell) => (cell === null ? '' : String(cell))),
        );
        const random = seededRandom(name.length * 104729);
        for (let round = 0; round < rounds; round++) {
          const rows = original.map((row) =>
            row.map((cell) => (random() < 0.15 ? damage(cell, random) : cell)),
          );
          if (random() < 0.3) rows.splice(at(rows.length, random), 1 + Math.floor(random() * 3));
          if (random() < 0.3) rows.forEach((row) => row.splice(at(row.length, random), 1));
          const result = parseSheet(rows);
          if (result) expectWellFormed(result, rows.length);
        }
      },
      fuzzTimeout,
    );
  }
});
