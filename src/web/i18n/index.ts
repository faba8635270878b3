import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhHans from './zh-Hans.json';
import zhHant from './zh-Hant.json';

/** The languages of the UI, Traditional Chinese first (STYLE §11). */
export const LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-Hant';

const STORAGE_KEY = 'estatedesk.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

export const resources = {
  'zh-Hant': { translation: zhHant },
  'zh-Hans': { translation: zhHans },
  en: { translation: en },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Translates a key built from server data (an error code, an import reason), or gives the fallback. */
export function translateOr(key: string, fallback: string, options?: Record<string, unknown>): string {
  if (!i18n.exists(key)) return fallback;
  // The key was checked above; the typed t() cannot know a key made at run time.
  const translate = i18n.t as unknown as (k: string, o?: Record<string, unknown>) => string;
  return translate(key, options);
}

export default i18n;
