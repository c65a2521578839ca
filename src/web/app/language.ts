import type { Language } from '../../shared/brussels-time';

/** The language the person reads the app in (i18next's `language`): English when chosen, Dutch otherwise. */
export function languageOf(language: string): Language {
  return language === 'en' ? 'en' : 'nl';
}

/**
 * The text of a Dutch/English pair in the reader's language: the English text in English where
 * there is one (optional English fields fall back to Dutch), the Dutch text otherwise.
 */
export function pickText(language: string, nl: string, en: string | null | undefined): string {
  return language === 'en' && en ? en : nl;
}
