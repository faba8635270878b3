/**
 * Money as the office writes it on a receipt (R-FE-2): amounts are integer minor units of a
 * currency everywhere; this module turns them into words. Shared by the server (receipt PDF)
 * and the web app (the receipt on screen), so both print the same words.
 */

const DIGITS = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'] as const;
/** Places inside a group of four digits. */
const PLACES = ['', '拾', '佰', '仟'] as const;
/** Groups of four digits: units, 萬 (10^4), 億 (10^8), 萬億 (10^12). */
const GROUPS = ['', '萬', '億', '萬億'] as const;

/** The words before the amount for the currencies the office takes; any other is named by its code. */
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  HKD: '港幣',
  MOP: '澳門幣',
  CNY: '人民幣',
  USD: '美元',
  TWD: '新臺幣',
};

/** How many minor digits a currency has (2 for HKD, 0 for JPY), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** One group of up to four digits (1..9999): a zero between digits is said once (壹仟零伍). */
function groupWords(group: number): string {
  let out = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      if (out) zeroPending = true;
      continue;
    }
    if (zeroPending) out += DIGITS[0];
    zeroPending = false;
    out += `${DIGITS[digit]}${PLACES[place]}`;
  }
  return out;
}

/**
 * A whole number in capital numerals: 10 is 壹拾 (never 拾 alone, so nothing can be written in
 * front of it), zeros inside the number are said once (壹拾萬零伍), trailing zeros are not said.
 */
export function capitalNumber(whole: number): string {
  if (!Number.isSafeInteger(whole) || whole < 0) throw new RangeError('a whole number, not negative');
  if (whole === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let n = whole; n > 0; n = Math.floor(n / 10_000)) groups.push(n % 10_000);
  let out = '';
  let zeroPending = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) {
      if (out) zeroPending = true;
      continue;
    }
    // A lower group that does not fill its thousands place says the zero before it (壹萬零伍佰).
    if (out && (zeroPending || group < 1000)) out += DIGITS[0];
    zeroPending = false;
    out += groupWords(group) + (GROUPS[i] ?? '');
  }
  return out;
}

/**
 * R-FE-2: an amount in Chinese capital numerals, as a receipt writes it in words.
 * `minor` is integer minor units of `currency`. The currency's name comes first (港幣 for HKD),
 * then the whole units and 圓; then 角 and 分 for a currency with two minor digits. A whole
 * amount ends in 整 (港幣壹仟圓整); 零 stands for a missing 角 before 分 (港幣壹拾圓零伍分);
 * an amount under one unit starts at its 角 or 分 (港幣伍角). A negative amount starts with 負.
 *
 * capitalAmount(123456, 'HKD') === '港幣壹仟貳佰參拾肆圓伍角陸分'
 */
export function capitalAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError('an amount is a whole number of minor units');
  const prefix = CURRENCY_WORDS[currency.toUpperCase()] ?? `${currency.toUpperCase()} `;
  const sign = minor < 0 ? '負' : '';
  const amount = Math.abs(minor);
  const digits = minorDigits(currency);
  const perMajor = 10 ** digits;
  const whole = Math.floor(amount / perMajor);
  const fraction = amount % perMajor;
  // Only the first two minor digits have names (角, 分); a currency with more says its whole units.
  const jiao = digits >= 1 ? Math.floor(fraction / 10 ** (digits - 1)) % 10 : 0;
  const fen = digits >= 2 ? Math.floor(fraction / 10 ** (digits - 2)) % 10 : 0;
  if (jiao === 0 && fen === 0) return `${prefix}${sign}${capitalNumber(whole)}圓整`;
  let out = whole > 0 ? `${capitalNumber(whole)}圓` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (whole > 0) out += DIGITS[0];
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return `${prefix}${sign}${out}`;
}

/** An amount in figures with its currency, e.g. HK$1,234.56, as the receipt prints it. */
export function figuresAmount(minor: number, currency: string, locale = 'zh-HK'): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}
