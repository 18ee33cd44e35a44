import { describe, expect, test } from 'vitest';
import type { ContentFile } from '../../../src/lib/content/contentParsing';
import { readPlans } from '../../../src/lib/content/planFiles';

const quiz = {
  sources: [{ id: 'unodc', title: { vi: 'Tiêu chuẩn' } }],
  questions: [
    { id: 'q-single', type: 'single', audiences: ['workers'] },
    { id: 'q-tf', type: 'true-false', audiences: ['workers', 'thcs'] },
    { id: 'q-multi', type: 'multiple', audiences: ['workers'] },
    { id: 'q-thcs', type: 'single', audiences: ['thcs'] },
  ],
} as never;
const materials = [
  { id: 'ca-dem', audiences: ['workers' as const] },
  { id: 'cho-hoc-sinh', audiences: ['thcs' as const] },
];

const segment = (kind: string, minutes: number, extra = '') =>
  `  - kind: ${kind}\n    minutes: ${minutes}\n    title: { vi: Phần, en: Part }\n    notes: { vi: Ghi chú, en: Notes }\n${extra}`;

function plan(
  overrides: { id?: string; minutes?: number; check?: string; agenda?: string } = {},
): ContentFile {
  const agenda =
    overrides.agenda ??
    [
      segment('check-before', 5),
      segment('input', 10, '    material: ca-dem\n'),
      segment('quiz', 5, '    questions: [q-single]\n'),
      segment('check-after', 5),
    ].join('');
  return {
    path: `content/plans/${overrides.id ?? 'ca-45'}.yaml`,
    text: `id: ca-45
audience: workers
minutes: ${overrides.minutes ?? 25}
title: { vi: Buổi sinh hoạt, en: A session }
summary: { vi: Tóm tắt, en: Summary }
objectives: [{ vi: Mục tiêu, en: Goal }]
prepare: [{ vi: Máy chiếu, en: Projector }]
${overrides.check ?? 'check: [q-single, q-tf]'}
agenda:
${agenda}sources:
  - source: unodc
`,
  };
}

function read(file: ContentFile) {
  const problems: string[] = [];
  const plans = readPlans([file], quiz, materials, problems);
  return { plans, problems };
}

describe('Reading session plans', () => {
  test('A well-formed plan is read with its agenda', () => {
    const { plans, problems } = read(plan());
    expect(problems).toEqual([]);
    expect(plans[0]?.agenda.map((s) => s.kind)).toEqual(['check-before', 'input', 'quiz', 'check-after']);
  });

  test('An agenda that does not add up to the plan’s minutes is named', () => {
    expect(read(plan({ minutes: 45 })).problems).toEqual([
      'content/plans/ca-45.yaml: the agenda adds up to 25 minutes, the plan says 45',
    ]);
  });

  test('The id must be the file name', () => {
    expect(read(plan({ id: 'other' })).problems).toEqual([
      'content/plans/other.yaml: id "ca-45" must be the file name "other"',
    ]);
  });

  test('Check questions must exist, suit the audience and be answerable by a show of hands', () => {
    const { problems } = read(plan({ check: 'check: [q-multi, q-thcs, missing]' }));
    expect(problems).toEqual([
      'content/plans/ca-45.yaml: check[0]: "q-multi" is a multiple-choice question; a room answers one option',
      'content/plans/ca-45.yaml: check[1]: question "q-thcs" is not meant for workers',
      'content/plans/ca-45.yaml: check[2]: question "missing" is not in the bank',
    ]);
  });

  test('Before and after checks come as a pair, the before first, and need the check questions', () => {
    const swapped = [
      segment('check-after', 5),
      segment('input', 10, '    material: ca-dem\n'),
      segment('check-before', 10),
    ];
    expect(read(plan({ agenda: swapped.join('') })).problems).toEqual([
      'content/plans/ca-45.yaml: "check-before" must come before "check-after"',
    ]);
    const noAfter = [
      segment('check-before', 5),
      segment('input', 10, '    material: ca-dem\n'),
      segment('help', 10),
    ];
    expect(read(plan({ agenda: noAfter.join('') })).problems).toEqual([
      'content/plans/ca-45.yaml: a plan with a check needs a "check-before" and a "check-after" segment',
    ]);
    expect(read(plan({ check: '' })).problems).toEqual([
      'content/plans/ca-45.yaml: "check-before"/"check-after" segments need the plan\'s check questions',
    ]);
  });

  test('Materials must exist and suit the audience; an input presents one; only a quiz has questions', () => {
    const agenda = [
      segment('check-before', 5),
      segment('input', 5),
      segment('help', 5, '    material: cho-hoc-sinh\n    questions: [q-single]\n'),
      segment('quiz', 5),
      segment('check-after', 5),
    ];
    expect(read(plan({ agenda: agenda.join('') })).problems).toEqual([
      'content/plans/ca-45.yaml: agenda[1]: an "input" segment presents a material',
      'content/plans/ca-45.yaml: agenda[2]: only a "quiz" segment has questions',
      'content/plans/ca-45.yaml: agenda[2]: material "cho-hoc-sinh" is not meant for workers',
      'content/plans/ca-45.yaml: agenda[3]: a room quiz needs questions',
    ]);
  });

  test('A schema problem names the file and the field', () => {
    const file = plan();
    file.text = file.text.replace('minutes: 5\n', 'minutes: -5\n');
    expect(read(file).problems[0]).toMatch(/^content\/plans\/ca-45\.yaml: agenda\[0\]\.minutes: /);
  });
});
