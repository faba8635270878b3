import { DateTime } from 'luxon';
import type { EstatePolicy } from '../../contract/directory.js';
import { formOfAddress, officeTitle, type ResidentTitle, type ScriptLocale } from '../../contract/scripts.js';

/** Pure rules of R-CP-5, keeping the resident informed: no clock, no database. */

export const CONTACT_RULE = 'R-CP-5';

/** What the resident is told of. */
export type ProgressKind = 'intake' | 'appointment' | 'completed' | 'reply' | 'closed';

/** The resident's channels, and the outbox channel each leaves by. */
export type ResidentChannel = 'sms' | 'email' | 'portal';
const OUTBOX_CHANNEL = { sms: 'webhook', email: 'email', portal: 'portal' } as const;

export interface ContactPreferences {
  residentId: string | null;
  phone: string | null;
  email: string | null;
  notifyChannel: ResidentChannel | null;
  optOut: { sms: boolean; email: boolean; portal: boolean };
}

export interface ProgressRoute {
  channel: ResidentChannel;
  outboxChannel: 'webhook' | 'email' | 'portal';
  recipient: string;
}

/**
 * R-CP-5: by the channel the resident chose; without a choice, SMS when there is a phone, else
 * email, else the portal, skipping a channel they refused. A chosen channel they refused or
 * have no address for sends nothing (null): the office then tells them another way.
 */
export function progressRoute(p: ContactPreferences): ProgressRoute | null {
  const address: Record<ResidentChannel, string | null> = {
    sms: p.phone?.trim() || null,
    email: p.email?.trim() || null,
    portal: p.residentId,
  };
  const usable = (c: ResidentChannel) => !p.optOut[c] && Boolean(address[c]);
  const channel = p.notifyChannel
    ? usable(p.notifyChannel)
      ? p.notifyChannel
      : null
    : ((['sms', 'email', 'portal'] as const).find(usable) ?? null);
  if (!channel) return null;
  return { channel, outboxChannel: OUTBOX_CHANNEL[channel], recipient: address[channel] as string };
}

/** How the timeline shows a recipient: 9***1234 for a phone, c***@example.com for an address. */
export function maskRecipient(channel: ResidentChannel, recipient: string): string {
  if (channel === 'portal') return recipient.slice(-4).padStart(7, '*');
  if (channel === 'email') {
    const [local = '', domain = ''] = recipient.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  const digits = recipient.replace(/\D/g, '');
  if (digits.length <= 4) return '****';
  return `${digits.slice(0, 1)}***${digits.slice(-4)}`;
}

export interface ProgressFacts {
  officeName: string;
  caseNumber: string;
  residentName: string | null;
  title: ResidentTitle | null;
  /** The reply's words (reply), the handling result (closed). */
  text?: string | null;
  /** The appointment's instant and the estate's zone it is told in. */
  appointmentAt?: string | null;
  timeZone: string;
}

type Words = {
  subject: (f: { office: string; number: string }) => string;
  lines: Record<ProgressKind, (f: { number: string; text: string; time: string }) => string>;
  greeting: (addressee: string) => string;
  time: string;
};

const WORDS: Record<ScriptLocale, Words> = {
  'zh-Hant': {
    subject: ({ office, number }) => `${office}：個案 ${number} 進度`,
    greeting: (a) => `${a}您好，`,
    time: 'yyyy年M月d日 HH:mm',
    lines: {
      intake: ({ number }) => `您的個案已登記，編號 ${number}。我們會盡快跟進。`,
      appointment: ({ number, time }) => `個案 ${number} 的維修已預約於 ${time}，屆時請留在家中。`,
      completed: ({ number }) => `個案 ${number} 的維修已完成。如仍有問題，請聯絡我們。`,
      reply: ({ number, text }) => `就個案 ${number}，我們回覆如下：${text}`,
      closed: ({ number, text }) => `個案 ${number} 已完結。${text ? `處理結果：${text}` : ''}多謝您的聯絡。`,
    },
  },
  'zh-Hans': {
    subject: ({ office, number }) => `${office}：个案 ${number} 进度`,
    greeting: (a) => `${a}您好，`,
    time: 'yyyy年M月d日 HH:mm',
    lines: {
      intake: ({ number }) => `您的个案已登记，编号 ${number}。我们会尽快跟进。`,
      appointment: ({ number, time }) => `个案 ${number} 的维修已预约于 ${time}，届时请留在家中。`,
      completed: ({ number }) => `个案 ${number} 的维修已完成。如仍有问题，请联系我们。`,
      reply: ({ number, text }) => `就个案 ${number}，我们回复如下：${text}`,
      closed: ({ number, text }) => `个案 ${number} 已完结。${text ? `处理结果：${text}` : ''}谢谢您的联系。`,
    },
  },
  en: {
    subject: ({ office, number }) => `${office}: case ${number}`,
    greeting: (a) => `Dear ${a},`,
    time: 'd MMM yyyy, HH:mm',
    lines: {
      intake: ({ number }) => `Your case has been recorded as number ${number}. We will follow it up soon.`,
      appointment: ({ number, time }) => `The repair for case ${number} is booked for ${time}. Please be at home then.`,
      completed: ({ number }) => `The repair for case ${number} has been completed. Please contact us if anything is still wrong.`,
      reply: ({ number, text }) => `About case ${number}, our reply: ${text}`,
      closed: ({ number, text }) => `Case ${number} is now closed.${text ? ` Result: ${text}` : ''} Thank you for contacting us.`,
    },
  },
};

/**
 * R-CP-5: the words of a progress message in the resident's language: the office, the case
 * number, and for an appointment its time in the estate's zone.
 */
export function progressMessage(kind: ProgressKind, locale: ScriptLocale, f: ProgressFacts): { subject: string; body: string } {
  const w = WORDS[locale];
  const office = officeTitle(f.officeName, locale);
  const time = f.appointmentAt
    ? DateTime.fromISO(f.appointmentAt, { zone: f.timeZone })
        .setLocale(locale === 'en' ? 'en-GB' : 'zh-HK')
        .toFormat(w.time)
    : '';
  const line = w.lines[kind]({ number: f.caseNumber, text: f.text?.trim() ?? '', time });
  const addressee = formOfAddress(f.residentName, f.title, locale);
  const sign = `\n\n${office}`;
  return { subject: w.subject({ office, number: f.caseNumber }), body: `${w.greeting(addressee)}\n${line}${sign}` };
}

/**
 * R-CP-5: an open complaint, once first replied to, keeps a contact clock: the office must be in
 * touch again within the estate's interval of the last contact.
 */
export function keepsContactClock(c: { kind: string; status: string; firstReplyAt: string | null }): boolean {
  return c.kind === 'complaint' && c.status !== 'closed' && c.firstReplyAt !== null;
}

/** R-CP-5: when the next contact is due, counted from the last one. */
export function contactDueAt(lastContact: Date, policy: Pick<EstatePolicy, 'progressIntervalDays'>): Date {
  return new Date(lastContact.getTime() + policy.progressIntervalDays * 86_400_000);
}
