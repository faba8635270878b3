import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../contract/directory.js';
import { PageContent } from '../contract/publicpage.js';
import { changeLines, escapeHtml, pageLang, renderPage } from './render.js';
import { changesBetween, dayIn, policyFigures } from './rules.js';

const figures = policyFigures(defaultPolicy());
const content = PageContent.parse({ phone: '2123 4567' });
const estate = { key: 'CKA', name: '誠基公寓', officeName: '誠基公寓', address: '香港', timeZone: 'Asia/Hong_Kong' };

describe('the public page (R-PB-1)', () => {
  it.each([
    // [what changed, before, after, the change listed]
    ['nothing', figures, figures, []],
    [
      'the leak follow-up',
      figures,
      { ...figures, followUpHours: { ...figures.followUpHours, leak: 96 } },
      [{ field: 'policy.followUpHours.leak', before: '72', after: '96' }],
    ],
    [
      'the complaint reply',
      figures,
      { ...figures, complaintReplyHours: 48 },
      [{ field: 'policy.complaintReplyHours', before: '72', after: '48' }],
    ],
  ])('R-PB-1: a version lists what changed in the policy: %s', (_what, before, after, expected) => {
    expect(changesBetween({ content, policy: before }, { content, policy: after })).toEqual(expected);
  });

  it('R-PB-1: a version lists a text changed in one language, and the first version lists nothing', () => {
    const after = { ...content, repairProcedure: { ...content.repairProcedure, en: 'Call us' } };
    expect(changesBetween({ content, policy: figures }, { content: after, policy: figures })).toEqual([
      { field: 'content.repairProcedure.en', before: '', after: 'Call us' },
    ]);
    expect(changesBetween(null, { content, policy: figures })).toEqual([]);
  });

  it.each([
    ['zh-Hant', '滲漏水維修回訪時限：72 小時 -> 96 小時'],
    ['zh-Hans', '渗漏水维修回访时限：72 小时 -> 96 小时'],
    ['en', 'follow-up time for leaks: 72 hours -> 96 hours'],
  ] as const)('R-PB-1: a change reads in words (%s)', (lang, line) => {
    expect(changeLines(lang, [{ field: 'policy.followUpHours.leak', before: '72', after: '96' }])).toEqual([line]);
  });

  it.each([
    ['2026-11-29T15:59:59.000Z', 'Asia/Hong_Kong', '2026-11-29'],
    ['2026-11-29T16:00:00.000Z', 'Asia/Hong_Kong', '2026-11-30'],
    ['2026-11-30T07:59:59.000Z', 'America/Vancouver', '2026-11-29'],
  ])('an announcement runs by the estate’s day: %s in %s is %s', (at, zone, day) => {
    expect(dayIn(zone, new Date(at))).toBe(day);
  });

  it('escapes every character that could open markup', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
    expect(pageLang('fr')).toBe('zh-Hant');
  });

  it('R-PB-1: the page states the policy figures it is given, with no script', () => {
    const html = renderPage({
      estate,
      lang: 'zh-Hant',
      content,
      policy: { ...figures, followUpHours: { ...figures.followUpHours, leak: 96 } },
      announcements: [],
      path: '/p/cka',
      basePath: '/p/cka',
    });
    expect(html).toContain('滲漏水 96 小時內');
    expect(html).toContain('<html lang="zh-Hant-HK">');
    expect(html).not.toContain('<script');
  });
});
