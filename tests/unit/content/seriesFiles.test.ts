import { describe, expect, test } from 'vitest';
import type { ContentFile } from '../../../src/lib/content/contentParsing';
import { readSeries } from '../../../src/lib/content/seriesFiles';

const quiz = { sources: [{ id: 'unodc', title: { vi: 'Tiêu chuẩn' } }] } as never;
const materials = [
  { id: 'huong-dan', audiences: ['workers' as const], kind: 'guide' as const },
  { id: 'ca-dem', audiences: ['workers' as const] },
];
const check = ['q-1', 'q-2'];
const plans = [
  { id: 'buoi-1', audience: 'workers' as const, check },
  { id: 'buoi-2', audience: 'workers' as const, check },
  { id: 'buoi-3', audience: 'workers' as const, check },
  { id: 'nhac-lai', audience: 'workers' as const, check },
  { id: 'quan-ly', audience: 'workers' as const },
  { id: 'khong-kiem-tra', audience: 'workers' as const },
  { id: 'lop-hoc', audience: 'thcs' as const, check },
];

function series(
  overrides: { id?: string; guide?: string; sessions?: string; booster?: string; extra?: string } = {},
) {
  return {
    path: `content/series/${overrides.id ?? 'cong-nhan'}.yaml`,
    text: `id: cong-nhan
audience: workers
title: { vi: Chuỗi cho công nhân, en: A series for workers }
summary: { vi: Ba buổi và một buổi nhắc lại, en: Three sessions and a booster }
guide: ${overrides.guide ?? 'huong-dan'}
sessions:
${
  overrides.sessions ??
  `  - plan: buoi-1
  - plan: buoi-2
    weeksAfter: 1
  - plan: buoi-3
    weeksAfter: 2
`
}booster:
${overrides.booster ?? '  plan: nhac-lai\n  monthsAfter: 2\n'}${overrides.extra ?? 'extras:\n  - plan: quan-ly\n'}sources:
  - source: unodc
`,
  } satisfies ContentFile;
}

function read(...files: ContentFile[]) {
  const problems: string[] = [];
  const all = readSeries(files, quiz, materials, plans, problems);
  return { all, problems };
}

describe('Reading series of sessions', () => {
  test('A well-formed series is read with its sessions, booster and extras', () => {
    const { all, problems } = read(series());
    expect(problems).toEqual([]);
    expect(all[0]?.sessions.map((s) => s.plan)).toEqual(['buoi-1', 'buoi-2', 'buoi-3']);
    expect(all[0]?.booster).toEqual({ plan: 'nhac-lai', monthsAfter: 2 });
  });

  test('A series of two sessions, or one without a booster, is refused', () => {
    expect(
      read(series({ sessions: '  - plan: buoi-1\n  - plan: buoi-2\n    weeksAfter: 1\n' })).problems,
    ).toEqual([expect.stringMatching(/sessions/)]);
    const noBooster = series();
    noBooster.text = noBooster.text.replace(/booster:\n {2}plan: nhac-lai\n {2}monthsAfter: 2\n/, '');
    expect(read(noBooster).problems.join('\n')).toMatch(/booster/);
  });

  test('A booster sooner than two months or later than three is refused', () => {
    expect(read(series({ booster: '  plan: nhac-lai\n  monthsAfter: 1\n' })).problems.join()).toMatch(
      /monthsAfter/,
    );
    expect(read(series({ booster: '  plan: nhac-lai\n  monthsAfter: 6\n' })).problems.join()).toMatch(
      /monthsAfter/,
    );
  });

  test('A missing plan, a plan for another audience and a session without a check are each named', () => {
    const { problems } = read(
      series({
        sessions:
          '  - plan: buoi-1\n  - plan: khong-co\n    weeksAfter: 1\n  - plan: lop-hoc\n    weeksAfter: 1\n  - plan: khong-kiem-tra\n    weeksAfter: 1\n',
      }),
    );
    expect(problems).toEqual([
      'content/series/cong-nhan.yaml: sessions[1]: plan "khong-co" does not exist',
      'content/series/cong-nhan.yaml: sessions[2]: plan "lop-hoc" is for thcs, the series for workers',
      'content/series/cong-nhan.yaml: sessions[3]: plan "khong-kiem-tra" has no check; every step of a series measures before and after',
    ]);
  });

  test('The gap between sessions is required after the first and refused on the first', () => {
    const { problems } = read(
      series({
        sessions:
          '  - plan: buoi-1\n    weeksAfter: 1\n  - plan: buoi-2\n  - plan: buoi-3\n    weeksAfter: 1\n',
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining('sessions[0]: the first session comes after nothing'),
      expect.stringContaining('sessions[1]: say how many weeks after the previous session'),
    ]);
  });

  test('The guide must be a material of kind guide; the same plan twice is refused', () => {
    expect(read(series({ guide: 'ca-dem' })).problems).toEqual([
      'content/series/cong-nhan.yaml: guide: material "ca-dem" is not of kind "guide"',
    ]);
    expect(read(series({ extra: 'extras:\n  - plan: buoi-2\n' })).problems).toEqual([
      'content/series/cong-nhan.yaml: plan "buoi-2" appears twice in the series',
    ]);
  });

  test('A plan that is a step of two series is refused, so a recorded session belongs to one series', () => {
    const other = series({ id: 'cong-nhan-2' });
    other.text = other.text.replace('id: cong-nhan', 'id: cong-nhan-2');
    const { problems } = read(series(), other);
    expect(problems).toContain(
      'content/series: plan "buoi-1" is a step of both "cong-nhan" and "cong-nhan-2"',
    );
  });

  test('The file name must be the id', () => {
    expect(read(series({ id: 'khac' })).problems).toEqual([
      'content/series/khac.yaml: id "cong-nhan" must be the file name "khac"',
    ]);
  });
});
