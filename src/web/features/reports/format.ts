import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORTED_RULES, type ReportedRule } from '../../../contract/reports';
import { translateOr } from '../../i18n';

export const RULE_STATES = ['due', 'onTime', 'late', 'open', 'overdue'] as const;
export type RuleState = (typeof RULE_STATES)[number];

export const isReportedRule = (value: string): value is ReportedRule => (REPORTED_RULES as readonly string[]).includes(value);

/** A rate 0..1 as a whole percentage in the page's language ("100%"); a dash when nothing fell due. */
export function percentText(rate: number | null | undefined, language: string): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** A plain number with at most one decimal, in the page's language. */
export function decimalText(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** The rates and their words in the page's language. */
export function useReportFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const percent = useCallback((rate: number | null | undefined) => percentText(rate, language), [language]);
  const hours = useCallback(
    (value: number | null) => (value === null ? '—' : t('reports.hours', { hours: decimalText(value, language) })),
    [t, language],
  );
  const minutes = useCallback(
    (value: number | null) => (value === null ? '—' : t('reports.minutes', { minutes: decimalText(value, language) })),
    [t, language],
  );
  const ruleName = useCallback((rule: string) => translateOr(`reports.ruleNames.${rule}`, rule), []);
  return { percent, hours, minutes, ruleName, language };
}

/** A case kind, channel or repair class by its code, as the rest of the app names it. */
export function casePartLabel(part: 'kind' | 'channel' | 'repairClass', code: string): string {
  if (part === 'kind') return translateOr(`caseKinds.${code}`, code);
  if (part === 'channel') return translateOr(`cases.channels.${code}`, code);
  return translateOr(`repairClasses.${code}`, code);
}

/**
 * A figure's key (contract `FigureKey`: `cases.kind.repair`, `rules.R-FU-1.late`, `desk.calls`)
 * in words, for the records drawer's title and the corrections table.
 */
export function useFigureLabel(): (key: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (key: string) => {
      const [head, second, third] = key.split('.');
      if (head === 'cases') {
        if (second === 'total') return t('reports.figures.casesTotal');
        if ((second === 'kind' || second === 'channel' || second === 'repairClass') && third)
          return t('reports.figures.casesBy', { what: casePartLabel(second, third) });
      }
      if (head === 'rules' && second && third) {
        // The rule's id goes outside the translation, which drops rule ids from what it returns.
        const words = t('reports.figures.rule', {
          name: translateOr(`reports.ruleNames.${second}`, second),
          state: translateOr(`reports.rules.${third}`, third),
        });
        return `${second} ${words}`;
      }
      if (head === 'complaints' && second) {
        return second === 'closed' ? t('reports.figures.complaintsClosed') : translateOr(`reports.satisfaction.${second}`, key);
      }
      if (head === 'followUps') {
        if (second === 'recorded') return t('reports.satisfaction.followUpsRecorded');
        if (second === 'result' && third)
          return t('reports.figures.followUpResult', { result: translateOr(`followUps.results.${third}`, third) });
      }
      if (head === 'spotCheck' && second)
        return `${t('reports.sections.spotCheck')}: ${translateOr(`reports.spotCheck.${second}`, second)}`;
      if (head === 'notices' && second) return `${t('reports.sections.notices')}: ${translateOr(`reports.notices.${second}`, second)}`;
      if (head === 'desk' && second) return translateOr(`reports.desk.${second}`, key);
      if (head === 'fees' && second) return translateOr(`reports.fees.${second}`, key);
      return key;
    },
    [t],
  );
}
