/**
 * The bundled materials (loaded when a materials screen opens) and their text in the
 * current language.
 */
import type { Material, MaterialText } from '../../lib/content/material.schema';
import { keyOnlyContentMarker } from '../../lib/i18n/localize';
import { keyOnlyLanguage } from '../../lib/i18n/i18n';

let loading: Promise<readonly Material[]> | null = null;

export function loadMaterials(): Promise<readonly Material[]> {
  loading ??= import('virtual:content/materials').then(({ default: materials }) => materials);
  return loading;
}

export async function findMaterial(id: string): Promise<Material | undefined> {
  return (await loadMaterials()).find((material) => material.id === id);
}

/**
 * The material's text in `language`, falling back to Vietnamese. In key-only mode every
 * string is the content marker, so the end-to-end check can tell content from UI text.
 */
export function materialText(material: Material, language: string): MaterialText {
  const text = material.texts[language] ?? material.texts.vi;
  if (language !== keyOnlyLanguage) return text;
  const marker = keyOnlyContentMarker;
  return {
    ...text,
    title: marker,
    lead: marker,
    sections: text.sections.map((section) => ({
      heading: marker,
      body: marker,
      ...(section.notes ? { notes: marker } : {}),
    })),
  };
}
