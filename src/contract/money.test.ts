import { describe, expect, it } from 'vitest';
import { capitalAmount, capitalNumber } from './money.js';

describe('R-FE-2: a receipt writes its amount in Chinese capital numerals', () => {
  const rows: [minor: number, currency: string, words: string][] = [
    [123456, 'HKD', '港幣壹仟貳佰參拾肆圓伍角陸分'],
    [100000, 'HKD', '港幣壹仟圓整'],
    [1005, 'HKD', '港幣壹拾圓零伍分'],
    [0, 'HKD', '港幣零圓整'],
    [1, 'HKD', '港幣壹分'],
    [50, 'HKD', '港幣伍角'],
    [55, 'HKD', '港幣伍角伍分'],
    [100, 'HKD', '港幣壹圓整'],
    [1000, 'HKD', '港幣壹拾圓整'],
    [1050, 'HKD', '港幣壹拾圓伍角'],
    [1500, 'HKD', '港幣壹拾伍圓整'],
    [10100, 'HKD', '港幣壹佰零壹圓整'],
    [10005, 'HKD', '港幣壹佰圓零伍分'],
    [100500, 'HKD', '港幣壹仟零伍圓整'],
    [105000, 'HKD', '港幣壹仟零伍拾圓整'],
    [1000000, 'HKD', '港幣壹萬圓整'],
    [1050000, 'HKD', '港幣壹萬零伍佰圓整'],
    [1000500, 'HKD', '港幣壹萬零伍圓整'],
    [10000500, 'HKD', '港幣壹拾萬零伍圓整'],
    [12340000, 'HKD', '港幣壹拾貳萬參仟肆佰圓整'],
    [10100000, 'HKD', '港幣壹拾萬壹仟圓整'],
    [100000000, 'HKD', '港幣壹佰萬圓整'],
    [10000000000, 'HKD', '港幣壹億圓整'],
    [10000000100, 'HKD', '港幣壹億零壹圓整'],
    [10001000000, 'HKD', '港幣壹億零壹萬圓整'],
    [10010000000, 'HKD', '港幣壹億零壹拾萬圓整'],
    [1234567890, 'HKD', '港幣壹仟貳佰參拾肆萬伍仟陸佰柒拾捌圓玖角'],
    [280000, 'HKD', '港幣貳仟捌佰圓整'],
    [18611, 'HKD', '港幣壹佰捌拾陸圓壹角壹分'],
    [-1005, 'HKD', '港幣負壹拾圓零伍分'],
    [123456, 'MOP', '澳門幣壹仟貳佰參拾肆圓伍角陸分'],
    [123456, 'CNY', '人民幣壹仟貳佰參拾肆圓伍角陸分'],
    [1500, 'JPY', 'JPY 壹仟伍佰圓整'],
  ];
  for (const [minor, currency, words] of rows)
    it(`R-FE-2: ${minor} minor units of ${currency} read ${words}`, () => {
      expect(capitalAmount(minor, currency)).toBe(words);
    });

  it('R-FE-2: every whole number up to 20,000 and around ten thousands has no doubled, leading or trailing zero', () => {
    for (let n = 1; n <= 120_000; n += n < 20_000 ? 1 : 97) {
      const words = capitalNumber(n);
      expect(words, String(n)).not.toMatch(/零零|^零|零$/);
      expect(words.startsWith('壹拾') || !words.startsWith('拾'), String(n)).toBe(true);
    }
  });

  it('R-FE-2: a fraction of a minor unit is refused', () => {
    expect(() => capitalAmount(10.5, 'HKD')).toThrow(RangeError);
  });
});
