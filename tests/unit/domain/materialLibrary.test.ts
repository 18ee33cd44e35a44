import { describe, expect, test } from 'vitest';
import type { Material } from '../../../src/lib/content/material.schema';
import { filterMaterials } from '../../../src/lib/domain/materialLibrary';
import { foldForSearch } from '../../../src/lib/text';

function makeMaterial(id: string, overrides: Partial<Material>, vi: string, en: string): Material {
  const text = (title: string) => ({
    title,
    lead: 'x',
    sections: [
      { heading: 'a', body: 'a' },
      { heading: 'b', body: 'b' },
    ],
    readingMinutes: 1,
    searchText: foldForSearch(title),
  });
  return {
    id,
    audiences: ['thcs'],
    topics: ['luring'],
    reviewed: '2026-11-23',
    sources: [{ source: 'kh-viet-yen-2024' }],
    texts: { vi: text(vi), en: text(en) },
    images: {},
    ...overrides,
  };
}

const materials = [
  makeMaterial(
    'nup-bong',
    { audiences: ['thcs', 'thpt'] },
    'Nhận biết ma túy “núp bóng”',
    'Recognising disguised drugs',
  ),
  makeMaterial(
    'ca-dem',
    { audiences: ['workers'], topics: ['luring', 'health'] },
    'Lầm tưởng làm ca đêm',
    'Night-shift myths',
  ),
  makeMaterial(
    'phap-luat',
    { audiences: ['workers', 'community'], topics: ['law'] },
    'Pháp luật dễ hiểu',
    'The law in plain words',
  ),
];
const ids = (list: Material[]) => list.map((m) => m.id);

describe('filterMaterials', () => {
  test('A search without diacritics finds the material with them', () => {
    expect(
      ids(filterMaterials(materials, { audience: null, topic: null, query: 'ma tuy nup bong' })),
    ).toEqual(['nup-bong']);
  });

  test('A search matches the text in any language', () => {
    expect(ids(filterMaterials(materials, { audience: null, topic: null, query: 'night shift' }))).toEqual([
      'ca-dem',
    ]);
  });

  test('Audience and topic narrow the list together', () => {
    expect(ids(filterMaterials(materials, { audience: 'workers', topic: null, query: '' }))).toEqual([
      'ca-dem',
      'phap-luat',
    ]);
    expect(ids(filterMaterials(materials, { audience: 'workers', topic: 'law', query: '' }))).toEqual([
      'phap-luat',
    ]);
    expect(ids(filterMaterials(materials, { audience: 'thcs', topic: 'law', query: '' }))).toEqual([]);
  });
});
