import { App as AntApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n, { DEFAULT_LANGUAGE, isLanguage, type Language, rememberLanguage } from '../i18n';

const antdLocales: Record<Language, NonNullable<ConfigProviderProps['locale']>> = { 'zh-Hant': zhTW, 'zh-Hans': zhCN, en: enUS };
const dayjsLocales: Record<Language, string> = { 'zh-Hant': 'zh-tw', 'zh-Hans': 'zh-cn', en: 'en' };

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage must be used inside LocaleProvider');
  return value;
}

function applyDocumentLanguage(language: Language) {
  document.documentElement.lang = language;
  dayjs.locale(dayjsLocales[language]);
}

/** Keeps i18next, antd's ConfigProvider, dayjs and <html lang> on the same language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [language, setLanguageState] = useState<Language>(() => (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE));

  useEffect(() => {
    applyDocumentLanguage(language);
    document.title = t('app.title');
  }, [language, t]);

  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    applyDocumentLanguage(next);
    void i18n.changeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);

  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider
        locale={antdLocales[language]}
        theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}
        // Two-character Chinese labels read as one word; antd would otherwise space them out.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
