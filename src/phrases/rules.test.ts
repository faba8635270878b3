import { describe, expect, it } from 'vitest';
import { findPhrases, fold, type PhraseRuleInput } from './rules.js';
import { PHRASE_SEED } from './seed.js';

const seed: PhraseRuleInput[] = PHRASE_SEED.map((p) => ({ ...p }));

interface Row {
  name: string;
  text: string;
  /** Each match as [matched words, suggestion]; empty when nothing is to be found. */
  expected: [string, string][];
}

const rows: Row[] = [
  { name: 'R-WD-1 我不知道 suggests the seed words', text: '我不知道停水時間。', expected: [['我不知道', '對不起，我不太清楚']] },
  { name: 'R-WD-1 我不曉得: 不曉得 is caught', text: '我不曉得。', expected: [['不曉得', '對不起，我不太清楚']] },
  { name: 'R-WD-1 我不晓得: Simplified form, Simplified suggestion', text: '我不晓得。', expected: [['不晓得', '对不起，我不太清楚']] },
  { name: 'R-WD-1 不知道 as a flat answer', text: '不知道', expected: [['不知道', '對不起，我不太清楚，我查一查再答覆您']] },
  { name: 'R-WD-1 他不在', text: '陳先生:他不在。', expected: [['他不在', '對不起，他走開了']] },
  { name: 'R-WD-1 他們不在 (他(們)不在 of the seed)', text: '他們不在辦公室', expected: [['他們不在', '對不起，他們走開了']] },
  { name: 'R-WD-1 遲一些來電', text: '請您遲一些來電。', expected: [['遲一些來電', '有甚麼事嗎？我會代為轉告的，請留言']] },
  { name: 'R-WD-1 迟一些来电: Simplified', text: '请您迟一些来电。', expected: [['迟一些来电', '有什么事吗？我会代为转告的，请留言']] },
  { name: 'R-WD-1 an opening 喂', text: '喂,你的包裹到了', expected: [['喂', '您好']] },
  { name: 'R-WD-1 喂 after spaces and punctuation is still the opening', text: '  「喂?', expected: [['喂', '您好']] },
  { name: 'R-WD-1 喂 in the middle is not an opening', text: '您好,剛才有人喂了流浪貓', expected: [] },
  {
    name: 'R-WD-1 你沒看見我忙著嗎 (忙着 folds with 忙著)',
    text: '你没看见我忙着吗?',
    expected: [['你没看见我忙着吗', '好的，我马上就来（办）']],
  },
  {
    name: "R-WD-1 English I don't know, any case",
    text: "Sorry, I DON'T KNOW when it opens.",
    expected: [["I DON'T KNOW", "Sorry, I'm not quite sure"]],
  },
  {
    name: 'R-WD-1 English curly apostrophe in I don’t know',
    text: 'I don’t know.',
    expected: [['I don’t know', "Sorry, I'm not quite sure"]],
  },
  { name: 'R-WD-1 know inside another word is not matched', text: "I don't knowingly leave doors open.", expected: [] },
  { name: 'R-WD-1 a word ending inside another is not matched', text: "Hi, I don't knowledge", expected: [] },
  {
    name: 'R-WD-1 Hello? only as the opening',
    text: 'Hello? Your parcel is here.',
    expected: [['Hello?', 'Good morning, this is the management office. How may I help you?']],
  },
  { name: 'R-WD-1 Hello? later in the text is not an opening', text: 'Good morning. Hello? Anyone?', expected: [] },
  {
    name: 'R-WD-1 two matches in one reply, in text order',
    text: '他不在,請遲一些來電',
    expected: [
      ['他不在', '對不起，他走開了'],
      ['遲一些來電', '有甚麼事嗎？我會代為轉告的，請留言'],
    ],
  },
  { name: 'R-WD-1 nothing to find in a good reply', text: '對不起,我不太清楚,我查一查再答覆您。', expected: [] },
  { name: 'R-WD-1 nothing to find in an empty reply', text: '', expected: [] },
];

describe('findPhrases (R-WD-1)', () => {
  for (const row of rows) {
    it(row.name, () => {
      const found = findPhrases(row.text, seed);
      expect(found.map((m) => [m.text, m.suggestion])).toEqual(row.expected);
      // Every position is an index into the text as given.
      for (const m of found) expect(row.text.slice(m.start, m.end)).toBe(m.text);
    });
  }

  it('R-WD-1 positions are exact UTF-16 indexes, past a character outside the BMP', () => {
    const text = '𠝹好,我不知道';
    const [m] = findPhrases(text, seed);
    expect(m).toMatchObject({ start: 4, end: 8, text: '我不知道', avoid: '我不知道', ruleId: '00000000-0000-7000-8000-000000000101' });
  });

  it('R-WD-1 a Simplified match is answered by the Simplified rule, a Traditional one by the Traditional rule', () => {
    const [hans] = findPhrases('我不知道停水时间', seed);
    expect(hans).toMatchObject({ locale: 'zh-Hans', ruleId: '00000000-0000-7000-8000-000000000201', suggestion: '对不起，我不太清楚' });
    const [hant] = findPhrases('我不知道停水時間', seed);
    expect(hant).toMatchObject({ locale: 'zh-Hant', ruleId: '00000000-0000-7000-8000-000000000101' });
  });

  it('R-WD-1 a Traditional-only rule suggests in Simplified when the words were Simplified', () => {
    const rules: PhraseRuleInput[] = [
      { id: 'r1', locale: 'zh-Hant', avoid: '遲些再說', suggestion: '請問您有什麼需要?我會轉告負責同事', match: 'anywhere' },
    ];
    const [m] = findPhrases('迟些再说吧', rules);
    expect(m).toMatchObject({ text: '迟些再说', locale: 'zh-Hans', suggestion: '请问您有什么需要?我会转告负责同事' });
  });

  it('R-WD-1 overlapping matches keep the longest', () => {
    const rules: PhraseRuleInput[] = [
      { id: 'short', locale: 'zh-Hant', avoid: '不在', suggestion: 'x', match: 'anywhere' },
      { id: 'long', locale: 'zh-Hant', avoid: '他們不在', suggestion: 'y', match: 'anywhere' },
    ];
    expect(findPhrases('他們不在', rules).map((m) => m.ruleId)).toEqual(['long']);
  });

  it("R-WD-1 an estate's own rule wins over the company's rule for the same words", () => {
    const rules: PhraseRuleInput[] = [
      { id: 'a-company', locale: 'zh-Hant', avoid: '他不在', suggestion: '對不起，他走開了', match: 'anywhere', estateId: null },
      { id: 'b-estate', locale: 'zh-Hant', avoid: '他不在', suggestion: '對不起,他剛出外辦事', match: 'anywhere', estateId: 'e1' },
    ];
    expect(findPhrases('他不在', rules)).toMatchObject([{ ruleId: 'b-estate', suggestion: '對不起,他剛出外辦事' }]);
  });

  it('R-WD-1 spaces between English words may be any run of spaces', () => {
    expect(findPhrases('Call  back\nlater, thanks', seed).map((m) => m.text)).toEqual(['Call  back\nlater']);
  });

  it('R-WD-1 folding keeps every position: the folded text is as long as the original', () => {
    for (const text of ['我不曉得，ＡＢＣ　“I DON’T”', '𠝹開乾淨後來', 'İstanbul ß']) expect(fold(text).length).toBe(text.length);
  });
});
