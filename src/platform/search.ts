import * as OpenCC from 'opencc-js';

/**
 * Full-text terms that work for Chinese (no spaces between words) and English alike, on both
 * engines. Text is folded to one script (Traditional and Simplified match each other),
 * full-width forms and case are normalised; Han (and kana, hangul) runs become single
 * characters and overlapping pairs; other scripts become words. A query matches when every
 * one of its terms is present: 滲水 matches 浴室天花滲水 through the pair 渗水.
 */
let simplify: ((text: string) => string) | undefined;
/**
 * Traditional (Hong Kong) to Simplified, the table built on first use: building it is a good
 * part of the server's start-up time. The phrase guide folds with the same one.
 */
export function toSimplified(text: string): string {
  const convert = simplify ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  simplify = convert;
  return convert(text);
}
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export function fold(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

function ideographRuns(text: string): string[] {
  return text.match(IDEOGRAPHIC) ?? [];
}

function words(text: string): string[] {
  return (text.replace(IDEOGRAPHIC, ' ').match(WORD) ?? []).filter((w) => w.length > 0);
}

/** The terms stored for a text: every character and pair of each Han run, and every word. */
export function indexTerms(text: string): string[] {
  const folded = fold(text);
  const terms = new Set<string>();
  for (const run of ideographRuns(folded)) {
    const chars = [...run];
    chars.forEach((c, i) => {
      terms.add(c);
      const next = chars[i + 1];
      if (next) terms.add(c + next);
    });
  }
  for (const w of words(folded)) terms.add(w.slice(0, 60));
  return [...terms];
}

export interface QueryTerms {
  /** Terms that must be present exactly (Han characters and pairs). */
  exact: string[];
  /** Words that must begin some stored word ("leak" finds "leaking"). */
  prefix: string[];
}

export function queryTerms(query: string): QueryTerms {
  const folded = fold(query);
  const exact = new Set<string>();
  for (const run of ideographRuns(folded)) {
    const chars = [...run];
    if (chars.length === 1) exact.add(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) exact.add(`${chars[i]}${chars[i + 1]}`);
  }
  return { exact: [...exact], prefix: [...new Set(words(folded).map((w) => w.slice(0, 60)))] };
}
