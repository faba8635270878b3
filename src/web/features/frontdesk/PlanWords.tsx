import { SoundOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fillPlaceholders, formOfAddress, officeTitle, type ResidentTitle } from '../../../contract/scripts';
import { api } from '../../app/api';
import { useLanguage } from '../../app/locale';
import { useCan, useEstate } from '../../app/session';
import type { Resident } from '../directory/types';
import { useDeskScripts } from './api';
import type { Situation } from './types';

/** Who the words are said to: a name and a title when the office knows them. */
export interface Addressee {
  name?: string | null | undefined;
  title?: ResidentTitle | null | undefined;
}

/** What a script is filled in with beyond the office, which is always the estate's. */
export interface WordsVars {
  addressee?: Addressee | undefined;
  name?: string | undefined;
  until?: string | undefined;
  department?: string | undefined;
  /** The colleague's own number or extension (§5.4). */
  phone?: string | undefined;
  /** When the office will call back (R-PH-3). */
  time?: string | undefined;
}

/**
 * R-WD-2: the estate's wording of a situation in the page's language, filled in with the
 * office, the colleague, the department and the resident by surname and title.
 */
export function usePlanWords(): (situation: Situation, vars?: WordsVars) => string | null {
  const { language } = useLanguage();
  const estate = useEstate();
  const scripts = useDeskScripts();
  return (situation, vars = {}) => {
    const script =
      scripts.data?.items.find((s) => s.situation === situation && s.locale === language) ??
      scripts.data?.items.find((s) => s.situation === situation);
    if (!script) return null;
    return fillPlaceholders(script.text, {
      name: vars.name ?? '',
      until: vars.until ?? '',
      office: officeTitle(estate.officeName, language),
      addressee: formOfAddress(vars.addressee?.name, vars.addressee?.title, language),
      department: vars.department ?? '',
      phone: vars.phone ?? '',
      time: vars.time ?? '',
    });
  };
}

/** The form of address in the page's language (a surname and title, or the name as written). */
export function useFormOfAddress(): (addressee: Addressee) => string {
  const { language } = useLanguage();
  return (a) => formOfAddress(a.name, a.title, language);
}

/** A resident's name and title, read when the office may read residents (the case's or visit's resident). */
export function useResidentAddressee(residentId: string | null | undefined, fallbackName?: string | null): Addressee {
  const mayRead = useCan()('resident.read');
  const resident = useQuery({
    queryKey: ['resident', residentId],
    queryFn: ({ signal }) => api.get<Resident>(`/residents/${residentId}`, undefined, signal),
    enabled: Boolean(residentId) && mayRead,
    staleTime: 60_000,
  });
  return { name: resident.data?.name ?? fallbackName ?? null, title: resident.data?.title ?? null };
}

/** One line of the plan's words with what it is for; the rule id only in the tooltip. */
export function WordsLine({ label, words, testId }: { label: string; words: string | null; testId: string }) {
  const { t } = useTranslation();
  if (!words) return null;
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{t('deskWords.labelled', { label })}</Typography.Text>
      <Tooltip title={t('deskWords.source')}>
        <Typography.Text strong data-testid={`${testId}-text`}>
          {words}
        </Typography.Text>
      </Tooltip>
    </div>
  );
}

/** A box of the plan's words for the moment, shown where the situation happens. */
export function PlanWordsBox({ title, children, testId }: { title?: string; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      icon={<SoundOutlined />}
      style={{ marginTop: 6, marginBottom: 6 }}
      data-testid={testId}
      title={
        <Tooltip title={t('deskWords.source')}>
          <span>{title ?? t('deskWords.say')}</span>
        </Tooltip>
      }
      description={
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          {children}
        </Space>
      }
    />
  );
}

/** The resident's form of address as a tag beside their name. */
export function AddressTag({ addressee }: { addressee: Addressee }) {
  const { t } = useTranslation();
  const addressOf = useFormOfAddress();
  if (!addressee.name || !addressee.title) return null;
  return (
    <Tag color="gold" data-testid="visit-address">
      {t('deskWords.addressAs', { address: addressOf(addressee) })}
    </Tag>
  );
}

/**
 * R-WD-2 (part 3, item 13 of the plan): once something is recorded for a resident, the desk thanks them, and
 * answers their thanks with the plan's words; shown at that moment, for long enough to read out.
 * A message taken on the phone first promises the call-back with its time (`callBack`).
 */
export function useThanksNotice(): (addressee: Addressee, extra?: { callBack?: string | null }) => void {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const words = usePlanWords();
  return (addressee, extra = {}) => {
    const thanks = words('thanks_registration', { addressee });
    const reply = words('reply_to_thanks', { addressee });
    if (!thanks) return;
    notification.info({
      key: 'desk-thanks',
      // Below the page, so the header's language switch and menus stay reachable while it is read out.
      placement: 'bottomRight',
      title: t('deskWords.thanksTitle'),
      icon: <SoundOutlined />,
      duration: 30,
      description: (
        <div data-testid="thanks-words">
          {extra.callBack && (
            <div data-testid="words-call-back">
              <Typography.Text type="secondary">{t('deskWords.labelled', { label: t('deskWords.callBack') })}</Typography.Text>
              <Typography.Text strong data-testid="words-call-back-text" title={t('deskWords.source')}>
                {extra.callBack}
              </Typography.Text>
            </div>
          )}
          <div data-testid="words-thanks">
            <Typography.Text type="secondary">{t('deskWords.labelled', { label: t('deskWords.thanks') })}</Typography.Text>
            <Typography.Text strong data-testid="words-thanks-text" title={t('deskWords.source')}>
              {thanks}
            </Typography.Text>
          </div>
          {reply && (
            <div data-testid="words-reply-to-thanks">
              <Typography.Text type="secondary">{t('deskWords.labelled', { label: t('deskWords.replyToThanks') })}</Typography.Text>
              <Typography.Text strong data-testid="words-reply-to-thanks-text" title={t('deskWords.source')}>
                {reply}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    });
  };
}
