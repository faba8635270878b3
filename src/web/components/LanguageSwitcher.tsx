import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../app/locale';
import { LANGUAGES, type Language } from '../i18n';

/** One click to Traditional Chinese, Simplified Chinese or English; each named in its own script. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      data-testid="language-switcher"
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((lng) => ({
        value: lng,
        label: (
          <span data-testid={`language-${lng}`} lang={lng}>
            {t(`language.names.${lng}`)}
          </span>
        ),
        title: t(`language.names.${lng}`),
      }))}
    />
  );
}
