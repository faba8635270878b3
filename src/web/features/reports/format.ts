import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORTED_RULES, type ReportedRule } from '../../../contract/reports';
import { translateOr } from '../../i18n';

export const RULE_STATES = ['due', 'onTime', 'late', 'open', 'overdue'] as const;
export type RuleState = (typeof RULE_STATES)[number];

export const isReportedRule = (value: string): value is ReportedRule => (REPORTED_RULES as readonly string[]).includes(value);

/**
 * A rate 0..1 as a percentage with one decimal, as the report's XLSX and PDF print it ("97.5%");
 * a dash when nothing fell due.
 */
export function percentText(rate: number | null | undefined, language: string): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
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

/** The words of the report's own sections for a figure's last part, where the names differ. */
const SECTION_WORDS: Record<string, Record<string, string>> = {
  notices: { medianAckHours: 'medianAck', maxAckHours: 'maxAck' },
  desk: { medianWaitMinutes: 'medianWait', maxWaitMinutes: 'maxWait' },
};

/**
 * A figure in words, for the records drawer's title and the corrections table. It takes both
 * the records' keys (contract `FigureKey`: `cases.kind.repair`, `rules.R-FU-1.late`,
 * `desk.calls`) and the corrections' paths into the figures (`volumes.byKind.repair`,
 * `rules.R-FU-1.onTimeRate`, `fees.arrears.bands.d0_30`).
 */
export function useFigureLabel(): (key: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (key: string) => {
      const [head, second, third, fourth] = key.split('.');
      const byPart = {
        kind: 'kind',
        byKind: 'kind',
        channel: 'channel',
        byChannel: 'channel',
        repairClass: 'repairClass',
        byRepairClass: 'repairClass',
      } as const;
      if (head === 'cases' || head === 'volumes') {
        if (second === 'total') return t('reports.figures.casesTotal');
        const part = second ? byPart[second as keyof typeof byPart] : undefined;
        if (part && third) return t('reports.figures.casesBy', { what: casePartLabel(part, third) });
      }
      if (head === 'rules' && second && third) {
        // The rule's id goes outside the translation, which drops rule ids from what it returns.
        const words = t('reports.figures.rule', {
          name: translateOr(`reports.ruleNames.${second}`, second),
          state: translateOr(`reports.rules.${third === 'onTimeRate' ? 'rate' : third}`, third),
        });
        return `${second} ${words}`;
      }
      if (head === 'complaints' && second) {
        return second === 'closed' ? t('reports.figures.complaintsClosed') : translateOr(`reports.satisfaction.${second}`, key);
      }
      if (head === 'followUps' && second === 'recorded') return t('reports.satisfaction.followUpsRecorded');
      if ((head === 'followUps' && second === 'result') || (head === 'satisfaction' && second === 'followUpResults')) {
        if (third) return t('reports.figures.followUpResult', { result: translateOr(`followUps.results.${third}`, third) });
      }
      if (head === 'satisfaction' && second) return translateOr(`reports.satisfaction.${second}`, key);
      if ((head === 'spotCheck' || head === 'notices') && second) {
        const word = SECTION_WORDS[head]?.[second] ?? second;
        return `${t(`reports.sections.${head}`)}: ${translateOr(`reports.${head}.${word}`, second)}`;
      }
      if (head === 'desk' && second) return translateOr(`reports.desk.${SECTION_WORDS.desk?.[second] ?? second}`, key);
      if (head === 'phone' && second) {
        const word = second === 'longestRingSeconds' ? 'longestRing' : second;
        return `${t('reports.sections.phone')}: ${translateOr(`reports.phone.${word}`, second)}`;
      }
      if (head === 'fees' && second === 'arrears') {
        if (third === 'units') return t('reports.fees.arrearsUnits');
        if (third === 'bands' && fourth) return `${t('reports.fees.arrears')}: ${translateOr(`arrears.bands.${fourth}`, fourth)}`;
        return t('reports.fees.arrears');
      }
      if (head === 'fees' && second) return translateOr(`reports.fees.${second}`, key);
      return key;
    },
    [t],
  );
}

/** How a corrected figure reads: money in its currency, a rate as a percentage, else a number. */
export function correctionValueKind(figure: string): 'money' | 'rate' | 'number' {
  if (figure === 'fees.collected' || figure.startsWith('fees.arrears.bands') || figure === 'fees.arrears.total') return 'money';
  if (figure.endsWith('.onTimeRate')) return 'rate';
  return 'number';
}
