import 'i18next';
import type zhHant from './zh-Hant.json';

// Every t('key') is checked against the Traditional Chinese catalogue, the reference language.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhHant };
    returnNull: false;
  }
}
