import { describe, expect, test } from 'vitest';
import type { ContentFile } from '../../../src/lib/content/contentParsing';
import { readMaterials, readSlogans } from '../../../src/lib/content/materialFiles';

const quiz = {
  sources: [{ id: 'kh-viet-yen-2024', title: { vi: 'Kế hoạch' }, publisher: { vi: 'UBND' }, date: '2024' }],
  topics: [{ id: 'luring', title: { vi: 'Lôi kéo' } }],
};
const meta = `id: nup-bong
audiences: [thcs]
topics: [luring]
reviewed: 2026-11-23
sources:
  - source: kh-viet-yen-2024
`;
const markdown = (title = 'Tiêu đề') => `# ${title}

Đoạn mở đầu.

## Là gì?

Nội dung:
- bánh kẹo
- đồ uống

Câu sau danh sách.

![Kẹo lạ](images/keo.svg)

<!-- notes -->
Hỏi cả lớp.

## Làm gì?

Nói không.
`;
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Kẹo</title><circle r="4"/></svg>';

function folder(overrides: Partial<Record<string, string>> = {}): ContentFile[] {
  const files: Record<string, string> = {
    'material.yaml': meta,
    'vi.md': markdown(),
    'en.md': markdown('Title'),
    'images/keo.svg': svg,
    ...overrides,
  };
  return Object.entries(files)
    .filter(([, text]) => text !== '')
    .map(([name, text]) => ({ path: `content/materials/nup-bong/${name}`, text }));
}

function read(files: ContentFile[]) {
  const problems: string[] = [];
  const materials = readMaterials(files, quiz, problems);
  return { materials, problems };
}

describe('readMaterials', () => {
  test('A well-formed material becomes a title, a lead and one section per "##", with notes apart', () => {
    const { materials, problems } = read(folder());
    expect(problems).toEqual([]);
    const vi = materials[0]?.texts.vi;
    expect(vi?.title).toBe('Tiêu đề');
    expect(vi?.lead).toBe('Đoạn mở đầu.');
    expect(vi?.sections.map((s) => s.heading)).toEqual(['Là gì?', 'Làm gì?']);
    expect(vi?.sections[0]?.notes).toBe('Hỏi cả lớp.');
    expect(vi?.sections[0]?.body).not.toContain('Hỏi cả lớp');
    expect(materials[0]?.images).toEqual({ 'images/keo.svg': 'content/materials/nup-bong/images/keo.svg' });
  });

  test('Blocks of a section stay separate blocks (a list is not glued to the paragraphs around it)', () => {
    const body = read(folder()).materials[0]?.texts.vi.sections[0]?.body ?? '';
    expect(body).toContain('Nội dung:\n\n- bánh kẹo\n- đồ uống\n\nCâu sau danh sách.');
  });

  test('Search text is folded and reading time is at least a minute', () => {
    const vi = read(folder()).materials[0]?.texts.vi;
    expect(vi?.searchText).toContain('tieu de');
    expect(vi?.searchText).not.toContain('hoi ca lop'); // notes are not searched
    expect(vi?.readingMinutes).toBe(1);
  });

  test('Raw HTML, remote or missing images, missing alt text and unsafe links are refused with their file', () => {
    const bad = `# T\n\nLead.\n\n## A\n\n<script>alert(1)</script>\n\n![](images/keo.svg) ![x](https://evil.example/a.png) ![y](images/none.svg)\n\n[click](javascript:alert(1))\n\n## B\n\nText.\n`;
    const { problems } = read(folder({ 'vi.md': bad }));
    const mine = problems.filter((p) => p.startsWith('content/materials/nup-bong/vi.md'));
    expect(mine.join('\n')).toMatch(/raw HTML is not allowed/);
    expect(mine.join('\n')).toMatch(/needs alt text/);
    expect(mine.join('\n')).toMatch(/"https:\/\/evil.example\/a.png" must be a file in images/);
    expect(mine.join('\n')).toMatch(/"images\/none.svg" is not in content\/materials\/nup-bong\/images/);
    expect(mine.join('\n')).toMatch(/link "javascript:alert\(1\)" must start with https:\/\/, tel: or #\//);
  });

  test('A material without a title first, a lead, or two sections is refused', () => {
    expect(read(folder({ 'vi.md': 'Text first.\n\n# T\n' })).problems.join()).toMatch(
      /must start with the title/,
    );
    expect(read(folder({ 'vi.md': '# T\n\n## A\n\nx\n\n## B\n\ny\n' })).problems.join()).toMatch(
      /needs a lead/,
    );
    expect(read(folder({ 'vi.md': '# T\n\nLead.\n\n## A\n\nx\n' })).problems.join()).toMatch(/at least two/);
  });

  test('Languages must have the same sections, the id must be the folder, Vietnamese must exist', () => {
    const fewer = `# T\n\nLead.\n\n## A\n\nx\n\n## B\n\ny\n\n## C\n\nz\n`;
    expect(read(folder({ 'en.md': fewer })).problems.join()).toMatch(
      /counts differ: 2, 3|counts differ: 3, 2/,
    );
    expect(
      read(folder({ 'material.yaml': meta.replace('id: nup-bong', 'id: other') })).problems.join(),
    ).toMatch(/must be the folder name/);
    expect(read(folder({ 'vi.md': '' })).problems.join()).toMatch(/vi.md is missing/);
  });

  test('SVGs with scripts, event handlers or remote references are refused', () => {
    const evil = '<svg onload="alert(1)"><script>x</script><image href="https://evil.example/x.png"/></svg>';
    const problems = read(folder({ 'images/keo.svg': evil })).problems.join('\n');
    expect(problems).toMatch(/must not contain a script/);
    expect(problems).toMatch(/must not contain an event handler attribute/);
    expect(problems).toMatch(/must not contain a remote or javascript: reference/);
  });

  test('Unknown sources and topics are reported', () => {
    const wrong = meta.replace('kh-viet-yen-2024', 'no-such-source').replace('[luring]', '[no-topic]');
    const problems = read(folder({ 'material.yaml': wrong })).problems.join('\n');
    expect(problems).toMatch(/"no-such-source" is not in content\/sources.yaml/);
    expect(problems).toMatch(/topic "no-topic" is not in content\/topics.yaml/);
  });
});

describe('readSlogans', () => {
  const file = (text: string) => [{ path: 'content/slogans.yaml', text }];

  test('An official theme needs its source, and a year has one theme', () => {
    const problems: string[] = [];
    readSlogans(
      file(`slogans:
  - { id: a, themeYear: 2024, text: { vi: A } }
  - { id: b, themeYear: 2024, text: { vi: B }, source: { source: kh-viet-yen-2024 } }
  - { id: b, text: { vi: C }, source: { source: nowhere } }
`),
      quiz,
      problems,
    );
    expect(problems.join('\n')).toMatch(/is an official theme and needs its source/);
    expect(problems.join('\n')).toMatch(/two themes for 2024/);
    expect(problems.join('\n')).toMatch(/duplicate slogan id "b"/);
    expect(problems.join('\n')).toMatch(/"nowhere" is not in content\/sources.yaml/);
  });
});
