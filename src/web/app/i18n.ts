import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from './locales';
import proposalView from '../shared/proposal-view.locales';

type Locales = { default: { nl: Record<string, unknown>; en: Record<string, unknown> } };

// Each feature keeps its texts in features/<area>/locales.ts; the folder name is the namespace.
const featureLocales = import.meta.glob<Locales>('../features/*/locales.ts', { eager: true });

const resources: Record<'nl' | 'en', Record<string, Record<string, unknown>>> = {
  nl: { common: common.nl, proposalView: proposalView.nl },
  en: { common: common.en, proposalView: proposalView.en },
};
for (const [file, module] of Object.entries(featureLocales)) {
  const namespace = file.split('/')[2];
  resources.nl[namespace] = module.default.nl;
  resources.en[namespace] = module.default.en;
}

export const LANGUAGE_KEY = 'speerpunt.language';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_KEY) : null;

void i18n.use(initReactI18next).init({
  resources,
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(LANGUAGE_KEY, language);
});
document.documentElement.lang = i18n.language;
