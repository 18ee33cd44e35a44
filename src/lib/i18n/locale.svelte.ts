/**
 * The current language as reactive state. Components call `locale.t(key)`; because `t`
 * reads `locale.language`, every string re-renders when the language changes.
 */
import type { TOptions } from 'i18next';
import { localize } from './localize';
import type { LocalizedText } from '../content/content.schema';
import { currentLanguage, onLanguageChanged, setLanguage, translate } from './i18n';

class Locale {
  language = $state(currentLanguage() ?? 'vi');

  constructor() {
    onLanguageChanged((language) => {
      this.language = language;
      document.documentElement.lang = language === 'cimode' ? 'vi' : language;
    });
  }

  t = (key: string, options?: TOptions): string => {
    void this.language;
    return translate(key, options);
  };

  /** Content text (a question, a source title) in the current language. */
  text = (text: LocalizedText): string => localize(text, this.language);

  set = (language: string): Promise<void> => setLanguage(language);
}

export const locale = new Locale();
