import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../contract/directory.js';
import { contactDueAt, keepsContactClock, maskRecipient, progressMessage, progressRoute } from './rules.js';

const none = { sms: false, email: false, portal: false };
const resident = { residentId: 'r-1', phone: '91231234', email: 'chan@example.com', notifyChannel: null, optOut: none };

describe('R-CP-5: the channel of a progress message', () => {
  it.each([
    ['automatic with a phone: SMS', resident, { channel: 'sms', outboxChannel: 'webhook', recipient: '91231234' }],
    [
      'automatic without a phone: email',
      { ...resident, phone: null },
      { channel: 'email', outboxChannel: 'email', recipient: 'chan@example.com' },
    ],
    [
      'automatic with neither: the portal',
      { ...resident, phone: ' ', email: null },
      { channel: 'portal', outboxChannel: 'portal', recipient: 'r-1' },
    ],
    [
      'automatic, SMS refused: email',
      { ...resident, optOut: { ...none, sms: true } },
      { channel: 'email', outboxChannel: 'email', recipient: 'chan@example.com' },
    ],
    [
      'email chosen',
      { ...resident, notifyChannel: 'email' as const },
      { channel: 'email', outboxChannel: 'email', recipient: 'chan@example.com' },
    ],
    ['portal chosen', { ...resident, notifyChannel: 'portal' as const }, { channel: 'portal', outboxChannel: 'portal', recipient: 'r-1' }],
  ])('%s', (_what, prefs, route) => {
    expect(progressRoute(prefs)).toEqual(route);
  });

  it.each([
    ['SMS chosen and refused', { ...resident, notifyChannel: 'sms' as const, optOut: { ...none, sms: true } }],
    ['email chosen without an address', { ...resident, notifyChannel: 'email' as const, email: null }],
    ['the portal without a resident record', { ...resident, residentId: null, notifyChannel: 'portal' as const }],
    ['every channel refused', { ...resident, optOut: { sms: true, email: true, portal: true } }],
    ['nothing to reach them by', { residentId: null, phone: null, email: null, notifyChannel: null, optOut: none }],
  ])('nothing is sent: %s', (_what, prefs) => {
    expect(progressRoute(prefs)).toBeNull();
  });
});

describe('R-CP-5: what the timeline shows of the recipient', () => {
  it('masks phones, addresses and portal ids', () => {
    expect(maskRecipient('sms', '91231234')).toBe('9***1234');
    expect(maskRecipient('sms', '+852 9123 1234')).toBe('8***1234');
    expect(maskRecipient('email', 'chan@example.com')).toBe('c***@example.com');
    expect(maskRecipient('portal', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('***4a5b');
  });
});

describe('R-CP-5: the words', () => {
  const facts = {
    officeName: '海景花園',
    caseNumber: 'C-2026-0007',
    residentName: '陳大文',
    title: 'mr' as const,
    timeZone: 'Asia/Hong_Kong',
  };

  it('name the office, the resident and the case number in each language', () => {
    expect(progressMessage('intake', 'zh-Hant', facts)).toEqual({
      subject: '海景花園管理處：個案 C-2026-0007 進度',
      body: '陳先生您好，\n您的個案已登記，編號 C-2026-0007。我們會盡快跟進。\n\n海景花園管理處',
    });
    expect(progressMessage('intake', 'zh-Hans', facts).body).toContain('您的个案已登记，编号 C-2026-0007');
    expect(progressMessage('intake', 'en', { ...facts, residentName: 'Peter Chan' }).body).toBe(
      'Dear Mr Chan,\nYour case has been recorded as number C-2026-0007. We will follow it up soon.\n\n海景花園 Management Office',
    );
  });

  it("tells an appointment's time in the estate's zone", () => {
    const at = '2026-11-21T02:30:00.000Z';
    expect(progressMessage('appointment', 'zh-Hant', { ...facts, appointmentAt: at }).body).toContain('2026年11月21日 10:30');
    expect(progressMessage('appointment', 'en', { ...facts, appointmentAt: at }).body).toContain('21 Nov 2026, 10:30');
    expect(progressMessage('appointment', 'en', { ...facts, appointmentAt: at, timeZone: 'UTC' }).body).toContain('21 Nov 2026, 02:30');
  });

  it("carries a reply's words and a closing's result", () => {
    expect(progressMessage('reply', 'zh-Hant', { ...facts, text: '師傅明早上門' }).body).toContain(
      '就個案 C-2026-0007，我們回覆如下：師傅明早上門',
    );
    expect(progressMessage('closed', 'en', { ...facts, text: 'Lift repaired' }).body).toContain(
      'Case C-2026-0007 is now closed. Result: Lift repaired',
    );
    expect(progressMessage('closed', 'en', { ...facts, text: null }).body).toContain('Case C-2026-0007 is now closed. Thank you');
  });

  it('greets someone whose name is not known generically', () => {
    expect(progressMessage('completed', 'zh-Hant', { ...facts, residentName: null, title: null }).body).toMatch(/^先生／小姐您好/);
  });
});

describe('R-CP-5: the contact clock', () => {
  it('runs only for an open complaint already replied to', () => {
    expect(keepsContactClock({ kind: 'complaint', status: 'in_progress', firstReplyAt: '2026-11-20T02:00:00.000Z' })).toBe(true);
    expect(keepsContactClock({ kind: 'complaint', status: 'new', firstReplyAt: null })).toBe(false);
    expect(keepsContactClock({ kind: 'complaint', status: 'closed', firstReplyAt: '2026-11-20T02:00:00.000Z' })).toBe(false);
    expect(keepsContactClock({ kind: 'repair', status: 'in_progress', firstReplyAt: '2026-11-20T02:00:00.000Z' })).toBe(false);
  });

  it("is due the estate's interval after the last contact (7 days by default)", () => {
    const last = new Date('2026-11-20T02:00:00.000Z');
    expect(contactDueAt(last, defaultPolicy()).toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(contactDueAt(last, { progressIntervalDays: 3 }).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });
});
