/**
 * i18next set-up. Vietnamese is the source language: its file is bundled and is the
 * source of truth for keys; other languages are separate files in `locales/`, loaded only
 * when chosen, so adding a language is adding a file. The choice is remembered on the device.
 *
 * The pseudo-language `cimode` (i18next's key-only mode) shows every string as its key; an
 * end-to-end pass runs the app in it to catch text that does not go through i18next.
 */
import i18next, { type TOptions } from 'i18next';
import endonyms from './languages.json';
import vi from './locales/vi.json';

export type Messages = typeof vi;
export const sourceLanguage = 'vi';
export const keyOnlyLanguage = 'cimode';

const lazyLocales = import.meta.glob<Messages>(['./locales/*.json', '!./locales/vi.json'], {
  import: 'default',
});

/**
 * Each language's name in that language ("English", "Tiếng Việt"). A language switch must
 * show endonyms: a reader of English looks for "English", whatever the current language.
 * Kept in one small file so the first screen does not load every locale to show the names.
 */
export const languageNames: Readonly<Record<string, string>> = endonyms;

/** Every language with a locale file, the source language first. */
export const languages: readonly string[] = [
  sourceLanguage,
  ...Object.keys(lazyLocales)
    .map((path) => path.replace(/^.*\/(.+)\.json$/, '$1'))
    .sort(),
];

const storageKey = 'chung-tay.language';

function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // Storage blocked: fall back to the default each visit.
  }
}

function remember(language: string): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but the switch itself still works.
  }
}

async function ensureLoaded(language: string): Promise<void> {
  if (language === keyOnlyLanguage || i18next.hasResourceBundle(language, 'translation')) return;
  const load = lazyLocales[`./locales/${language}.json`];
  if (!load) throw new Error(`No locale file for "${language}"`);
  i18next.addResourceBundle(language, 'translation', await load());
}

/** Starts i18next in the remembered language (Vietnamese unless another was chosen). */
export async function initI18n(): Promise<string> {
  const remembered = rememberedLanguage();
  const language =
    remembered && (languages.includes(remembered) || remembered === keyOnlyLanguage)
      ? remembered
      : sourceLanguage;
  await i18next.init({
    lng: sourceLanguage,
    fallbackLng: sourceLanguage,
    resources: { vi: { translation: vi } },
    interpolation: { escapeValue: false }, // Svelte escapes text itself.
    returnNull: false,
  });
  if (language !== sourceLanguage) await setLanguage(language, { remember: false });
  return i18next.language;
}

/** Switches the language, loading its file first if needed, and remembers the choice. */
export async function setLanguage(language: string, options = { remember: true }): Promise<void> {
  try {
    await ensureLoaded(language);
  } catch (error) {
    // A language file that cannot load (a broken update) must not leave the app unusable.
    console.error(error);
    return;
  }
  await i18next.changeLanguage(language);
  if (options.remember) remember(language);
}

export function currentLanguage(): string {
  return i18next.language;
}

export function translate(key: string, options?: TOptions): string {
  return i18next.t(key, options);
}

export function onLanguageChanged(listener: (language: string) => void): () => void {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
}
