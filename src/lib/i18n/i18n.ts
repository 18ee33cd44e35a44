/**
 * i18next set-up. Vietnamese is the source language and its file is the source of truth
 * for keys. Messages come in two layers, so the first screen downloads only what it shows:
 * - `locales/<language>.json`: the core (app shell, home, profiles, the quiz list), and
 * - `locales/<language>/<group>.json`: one file per area (`quiz`, `progress`, `materials`,
 *   `help`, `profiles`, `sessions`, and `notices` for storage problems and updates), loaded with the
 *   screens that need them (`loadMessageGroups`).
 * Only Vietnamese core is bundled with the app; everything else loads on demand, so adding a
 * language is adding its files (and its name in `languages.json`). The choice is remembered.
 *
 * The pseudo-language `cimode` (i18next's key-only mode) shows every string as its key; an
 * end-to-end pass runs the app in it to catch text that does not go through i18next.
 */
import i18next, { type TOptions } from 'i18next';
import endonyms from './languages.json';
import vi from './locales/vi.json';

type Messages = Record<string, unknown>;
export const sourceLanguage = 'vi';
export const keyOnlyLanguage = 'cimode';

const coreFiles = import.meta.glob<Messages>(['./locales/*.json', '!./locales/vi.json'], {
  import: 'default',
});
const groupFiles = import.meta.glob<Messages>('./locales/*/*.json', { import: 'default' });

/**
 * Each language's name in that language ("English", "Tiếng Việt"). A language switch must
 * show endonyms: a reader of English looks for "English", whatever the current language.
 * Kept in one small file so the first screen does not load every locale to show the names.
 */
export const languageNames: Readonly<Record<string, string>> = endonyms;

/** Every language with a locale file, the source language first. */
export const languages: readonly string[] = [
  sourceLanguage,
  ...Object.keys(coreFiles)
    .map((path) => path.replace(/^.*\/(.+)\.json$/, '$1'))
    .sort(),
];

export type MessageGroup =
  | 'quiz'
  | 'progress'
  | 'materials'
  | 'help'
  | 'profiles'
  | 'notices'
  | 'sessions'
  | 'schools'
  | 'campaigns'
  | 'statistics'
  | 'banks'
  | 'bankImport'
  | 'cards'
  | 'sync';

const storageKey = 'chung-tay.language';
/** Groups some screen has asked for; a language switch loads them in the new language too. */
const wantedGroups = new Set<MessageGroup>();
const loaded = new Set<string>(['vi/core']);

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

async function loadFile(language: string, part: 'core' | MessageGroup): Promise<void> {
  const id = `${language}/${part}`;
  if (language === keyOnlyLanguage || loaded.has(id)) return;
  const load = part === 'core' ? coreFiles[`./locales/${language}.json`] : groupFiles[`./locales/${id}.json`];
  if (!load) throw new Error(`No messages "${part}" for "${language}"`);
  // Deep-merged into the one namespace: keys stay "area.key" whichever file they are in.
  i18next.addResourceBundle(language, 'translation', await load(), true, true);
  loaded.add(id);
}

async function ensureLoaded(language: string): Promise<void> {
  await Promise.all([
    loadFile(language, 'core'),
    ...[...wantedGroups].map((group) => loadFile(language, group)),
  ]);
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
    // A key without a message means a screen shows a key: say so (end-to-end tests fail on it).
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => {
      if (!languages.includes(keyOnlyLanguage))
        console.error(`Missing translation: ${key} (${languages.join(', ')})`);
    },
  });
  if (language !== sourceLanguage) await setLanguage(language, { remember: false });
  return i18next.language;
}

/**
 * Loads message groups in the current language (and keeps them for later switches).
 * A group that fails to load (a broken update) leaves its keys showing, not a broken screen.
 */
export async function loadMessageGroups(groups: readonly MessageGroup[]): Promise<void> {
  for (const group of groups) wantedGroups.add(group);
  try {
    await ensureLoaded(i18next.language);
    // Vietnamese is the fallback for any key a language lacks.
    if (i18next.language !== sourceLanguage) await ensureLoaded(sourceLanguage);
  } catch (error) {
    console.error(error);
  }
}

/** Switches the language, loading its files first, and remembers the choice. */
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
