import { randomInt } from 'node:crypto';
import type { Locale } from '../../contract/common.js';

/**
 * The residents' one-time codes and logins, as pure functions (R-PT-1). An invitation code is
 * eight characters from an alphabet without look-alikes (about 40 bits), shown as XXXX-XXXX and
 * valid for a week; a sign-in code is six digits, valid for ten minutes and for five wrong tries.
 */
export const CODE_RULES = {
  invitationDays: 7,
  signInMinutes: 10,
  /** Wrong tries of one sign-in code before it is spent. */
  signInCodeTries: 5,
  /** Sign-in codes one account is sent per hour, whoever asks. */
  signInCodesPerHour: 5,
} as const;

const INVITATION_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function newSignInCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/** A code as typed, compared: spaces and dashes dropped, letters in upper case, O and I read as 0 and 1 are not in the alphabet. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** The login a phone or an email is kept under: the phone's digits (a leading + kept), or the email in lower case. */
export function loginOf(typed: string): string {
  const text = typed.trim();
  if (text.includes('@')) return text.toLowerCase();
  const digits = text.replace(/[^0-9]/g, '');
  return text.startsWith('+') ? `+${digits}` : digits;
}

/** The login a resident's account takes: their phone, or their email when they have no phone. */
export function loginForResident(resident: { phone: string | null; email: string | null }): string | null {
  if (resident.phone) return loginOf(resident.phone);
  if (resident.email) return loginOf(resident.email);
  return null;
}

/** A phone or email shown without giving it away: 9***1234, c***@example.com. */
export function maskContact(contact: string): string {
  if (contact.includes('@')) {
    const [user = '', domain = ''] = contact.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  const digits = contact.replace(/[^0-9]/g, '');
  return digits.length <= 4 ? '***' : `${digits.slice(0, 1)}***${digits.slice(-4)}`;
}

/** The text that carries an invitation or a sign-in code, in the resident's language. */
export function codeMessage(
  purpose: 'invitation' | 'sign_in',
  locale: Locale,
  opts: { office: string; code: string; expiresAt: string; timeZone: string },
): { subject: string; body: string } {
  const until = new Intl.DateTimeFormat(locale === 'en' ? 'en-HK' : locale === 'zh-Hans' ? 'zh-CN' : 'zh-HK', {
    timeZone: opts.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(opts.expiresAt));
  if (purpose === 'invitation') {
    if (locale === 'en')
      return {
        subject: `${opts.office} residents' portal invitation`,
        body: `${opts.office} invites you to the residents' portal. Your invitation code is ${opts.code}, valid until ${until}. Open the portal and choose "I have an invitation".`,
      };
    if (locale === 'zh-Hans')
      return {
        subject: `${opts.office}住户平台邀请`,
        body: `${opts.office}管理处邀请您使用住户平台。邀请码：${opts.code}，有效至${until}。请打开住户平台，选择「我有邀请码」。`,
      };
    return {
      subject: `${opts.office}住戶平台邀請`,
      body: `${opts.office}管理處邀請您使用住戶平台。邀請碼：${opts.code}，有效至${until}。請打開住戶平台，選擇「我有邀請碼」。`,
    };
  }
  const minutes = CODE_RULES.signInMinutes;
  if (locale === 'en')
    return {
      subject: `${opts.office} sign-in code`,
      body: `Your ${opts.office} residents' portal sign-in code is ${opts.code}. It is valid for ${minutes} minutes. Nobody from the office will ask you for it.`,
    };
  if (locale === 'zh-Hans')
    return {
      subject: `${opts.office}登录验证码`,
      body: `您的${opts.office}住户平台登录验证码：${opts.code}，${minutes}分钟内有效。管理处职员不会向您索取此验证码。`,
    };
  return {
    subject: `${opts.office}登入驗證碼`,
    body: `您的${opts.office}住戶平台登入驗證碼：${opts.code}，${minutes}分鐘內有效。管理處職員不會向您索取此驗證碼。`,
  };
}
