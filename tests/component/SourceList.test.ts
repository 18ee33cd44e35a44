import { render, screen } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import SourceList from '../../src/features/sources/SourceList.svelte';
import type { Source } from '../../src/lib/content/content.schema';

const sources = new Map<string, Source>([
  [
    'luat-pcmt-2021',
    {
      id: 'luat-pcmt-2021',
      title: { vi: 'Luật Phòng, chống ma túy số 73/2021/QH14', en: 'Law 73/2021/QH14' },
      publisher: { vi: 'Quốc hội', en: 'National Assembly' },
      date: '2021-03-30',
      url: 'https://vbpl.vn/luat-73',
    },
  ],
  [
    'unodc',
    {
      id: 'unodc',
      title: { vi: 'Tiêu chuẩn quốc tế', en: 'International Standards' },
      publisher: { vi: 'UNODC và WHO', en: 'UNODC and WHO' },
      date: '2018',
    },
  ],
]);
const citations = [
  { source: 'luat-pcmt-2021', locator: { vi: 'Điều 6', en: 'Article 6' } },
  { source: 'unodc' },
];

describe('SourceList', () => {
  test('A list names each source with its publisher, date and place, and its address as a link that shows the address', () => {
    render(SourceList, { citations, sources, layout: 'list' });
    expect(
      screen.getByText('Luật Phòng, chống ma túy số 73/2021/QH14, Quốc hội, 30/03/2021, Điều 6'),
    ).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'https://vbpl.vn/luat-73' });
    expect(link).toHaveAttribute('href', 'https://vbpl.vn/luat-73');
    expect(screen.getByText('Tiêu chuẩn quốc tế, UNODC và WHO, 2018')).toBeInTheDocument();
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  test('Inline under an answer it stays short: title and place only', () => {
    render(SourceList, { citations, sources });
    expect(screen.getByText('Luật Phòng, chống ma túy số 73/2021/QH14, Điều 6')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
