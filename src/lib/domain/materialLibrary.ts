/**
 * Filtering the materials library: by audience, by topic, and by a search that ignores
 * diacritics and case, over the text in every language (a learner may type Vietnamese
 * while the interface is in English).
 */
import type { Audience } from '../content/ids';
import type { Material } from '../content/material.schema';
import { matchesQuery } from '../text';

export interface MaterialFilter {
  audience: Audience | null;
  topic: string | null;
  query: string;
}

export function filterMaterials(materials: readonly Material[], filter: MaterialFilter): Material[] {
  return materials.filter(
    (material) =>
      (!filter.audience || material.audiences.includes(filter.audience)) &&
      (!filter.topic || material.topics.includes(filter.topic)) &&
      Object.values(material.texts).some((text) => matchesQuery(text.searchText, filter.query)),
  );
}
