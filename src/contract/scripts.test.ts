import { describe, expect, it } from 'vitest';
import { fillPlaceholders, formOfAddress, officeTitle, unknownPlaceholders } from './scripts.js';

describe('R-WD-2: residents are addressed by surname and title', () => {
  const rows: [name: string | null, title: 'mr' | 'mrs' | 'miss' | 'ms' | null, locale: 'zh-Hant' | 'zh-Hans' | 'en', shown: string][] = [
    ['陳大文', 'mr', 'zh-Hant', '陳先生'],
    ['陳美玲', 'mrs', 'zh-Hant', '陳太'],
    ['陳美玲', 'miss', 'zh-Hant', '陳小姐'],
    ['黃淑儀', 'ms', 'zh-Hant', '黃女士'],
    ['陳大文', 'mr', 'zh-Hans', '陈先生'],
    ['歐陽志明', 'mr', 'zh-Hant', '歐陽先生'],
    ['陳大文', 'mr', 'en', 'Mr Chan'],
    ['陳美玲', 'mrs', 'en', 'Mrs Chan'],
    ['陳美玲', 'miss', 'en', 'Ms Chan'],
    ['CHAN Tai Man', 'mr', 'en', 'Mr Chan'],
    ['Peter Lee', 'mr', 'en', 'Mr Lee'],
    ['陳大文', null, 'zh-Hant', '陳大文'],
    [null, null, 'zh-Hant', '先生／小姐'],
    ['', 'mr', 'en', 'Sir or Madam'],
  ];
  for (const [name, title, locale, shown] of rows)
    it(`R-WD-2: ${name ?? '(no name)'} ${title ?? '(no title)'} in ${locale} is ${shown}`, () => {
      expect(formOfAddress(name, title, locale)).toBe(shown);
    });

  it('R-WD-2: a script fills in the office, the resident and the department; {addressee} is a known placeholder', () => {
    expect(unknownPlaceholders('{addressee}，{office}，{department}，{name}，{until}')).toEqual([]);
    expect(
      fillPlaceholders('對不起，{addressee}，我會把事情反映給{department}。{office}', {
        name: '',
        until: '',
        addressee: '陳太',
        department: '工程部',
        office: '誠基公寓管理處',
      }),
    ).toBe('對不起，陳太，我會把事情反映給工程部。誠基公寓管理處');
  });

  it('R-WD-2: the office is named as the greeting names it, with or without 管理處 in its name', () => {
    expect(officeTitle('誠基公寓', 'zh-Hant')).toBe('誠基公寓管理處');
    expect(officeTitle('海峰閣管理處', 'zh-Hant')).toBe('海峰閣管理處');
    expect(officeTitle('誠基公寓', 'zh-Hans')).toBe('誠基公寓管理处');
    expect(officeTitle('誠基公寓', 'en')).toBe('誠基公寓 Management Office');
  });
});
