import { describe, expect, test } from 'vitest';
import { collectQuizContent } from '../../../src/lib/content/quizFiles';

function readSources(entry: string) {
  const problems: string[] = [];
  const content = collectQuizContent(
    [{ path: 'content/sources.yaml', text: `sources:\n${entry}` }],
    problems,
  );
  return { sources: content.sources, problems };
}

const traced = `  - id: luat-pcmt-2021
    title: { vi: 'Luật Phòng, chống ma túy số 73/2021/QH14', en: Law No. 73/2021/QH14 }
    publisher: { vi: Quốc hội, en: National Assembly }
    date: 2021-03-30
`;

describe('Sources are traceable', () => {
  test('A source with its publisher and date is read, with its https address when it has one', () => {
    const { sources, problems } = readSources(`${traced}    url: https://vbpl.vn/van-ban/73\n`);
    expect(problems).toEqual([]);
    expect(sources[0]).toMatchObject({ date: '2021-03-30', url: 'https://vbpl.vn/van-ban/73' });
  });

  test('The build refuses a source without a publisher, and one without a date', () => {
    expect(readSources(traced.replace(/ {4}publisher:.*\n/, '')).problems.join('\n')).toMatch(
      /sources\[0\]\.publisher/,
    );
    expect(readSources(traced.replace(/ {4}date:.*\n/, '')).problems.join('\n')).toMatch(
      /sources\[0\]\.date/,
    );
  });

  test('A date is a day or a year, and an address is https', () => {
    expect(readSources(traced.replace('2021-03-30', "'3/2021'")).problems).toEqual([
      expect.stringContaining('sources[0].date'),
    ]);
    expect(readSources(traced.replace('2021-03-30', "'2021'")).problems).toEqual([]);
    expect(readSources(`${traced}    url: http://vbpl.vn/van-ban/73\n`).problems.join()).toMatch(
      /sources\[0\]\.url/,
    );
  });
});
