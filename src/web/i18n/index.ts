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

/**
 * A rule id as the catalogues and the server mention it, in half- or full-width brackets:
 * "Reply deadline (R-CP-1)", "(R-FU-2, R-FU-3)". The catalogues keep them, so each text can be traced to its rule; the screen shows them only
 * as a tooltip (`ruleTitle`), never in the text a receptionist reads.
 */
const RULE_MENTION = /\s*[(（]\s*R-[A-Z]{2}-\d+(?:\s*[,，、]\s*R-[A-Z]{2}-\d+)*\s*[)）]|\s*\bR-[A-Z]{2}-\d+/g;
const RULE_ID = /R-[A-Z]{2}-\d+/g;

/** The text without its rule ids. */
export function withoutRuleIds(text: string): string {
  return text.replace(RULE_MENTION, '');
}

/** The rule ids a catalogue text names, for a tooltip (`title`); undefined when it names none. */
export function ruleTitle(key: string): string | undefined {
  const raw = i18n.getResource(DEFAULT_LANGUAGE, 'translation', key);
  const ids = typeof raw === 'string' ? raw.match(RULE_ID) : null;
  return ids ? [...new Set(ids)].join(' ') : undefined;
}

void i18n
  .use(initReactI18next)
  .use({ type: 'postProcessor', name: 'withoutRuleIds', process: (value: string) => withoutRuleIds(value) })
  .init({
    resources,
    postProcess: ['withoutRuleIds'],
    lng: storedLanguage() ?? DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** Translates a key built from server data (an error code, an import reason), or gives the fallback. */
export function translateOr(key: string, fallback: string, options?: Record<string, unknown>): string {
  if (!i18n.exists(key)) return withoutRuleIds(fallback);
  // The key was checked above; the typed t() cannot know a key made at run time.
  const translate = i18n.t as unknown as (k: string, o?: Record<string, unknown>) => string;
  return translate(key, options);
}

export default i18n;
