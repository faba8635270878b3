import * as OpenCC from 'opencc-js';
import type { Locale } from '../contract/common.js';
import type { PhraseMatch, PhraseMatchMode } from '../contract/phrases.js';
import { toSimplified } from '../platform/search.js';
import { fillTemplate, fitInSentence, placeholdersOf, sentenceAround } from './rewrite.js';

/** A rule of the phrase guide as the matcher needs it. */
export interface PhraseRuleInput {
  id: string;
  locale: Locale;
  avoid: string;
  suggestion: string;
  match: PhraseMatchMode;
  note?: string | null;
  /**
   * The whole phrase to rewrite, as a regular expression over the folded text (Simplified,
   * lower case, half-width punctuation) with named parts; null: the words of `avoid`.
   */
  pattern?: string | null;
  /** What replaces the phrase the pattern found: `{name}` puts a part back, `[A|B]` chooses; null: `suggestion`. */
  replacement?: string | null;
  /** Set for an estate's own rule, which wins over the company's rule for the same words. */
  estateId?: string | null;
}

export interface FindOptions {
  /** The script to suggest in when neither the matched words nor the text show one (the writer's language). */
  locale?: string | undefined;
}

let traditional: ((text: string) => string) | undefined;
/** Simplified to Traditional (Hong Kong), the table built on first use. */
function toTraditional(text: string): string {
  const convert = traditional ?? OpenCC.Converter({ from: 'cn', to: 'hk' });
  traditional = convert;
  return convert(text);
}

/** Variants that the Traditional-to-Simplified table leaves apart but a reader takes for the same word. */
const VARIANTS: Record<string, string> = { 著: '着', '\u2018': "'", '\u2019': "'", '\u02bc': "'" };

const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

function foldUncached(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  let x = c;
  // Full-width letters, digits and punctuation read as their ASCII forms.
  if (code >= 0xff01 && code <= 0xff5e) x = String.fromCodePoint(code - 0xfee0);
  else if (code === 0x3000) x = ' ';
  const lower = x.toLowerCase();
  if (lower.length === x.length) x = lower;
  const simple = toSimplified(x);
  if (simple.length === x.length) x = simple;
  x = VARIANTS[x] ?? x;
  // Every position of the folded text must be the same position in the original.
  return x.length === c.length ? x : c;
}

function foldChar(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    f = foldUncached(c);
    if (folded.size < FOLD_CACHE_LIMIT) folded.set(c, f);
  }
  return f;
}

/**
 * One script, one case, one width: Traditional and Simplified fold to the same characters,
 * code point by code point, so an index into the folded text is an index into the original.
 */
export function fold(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

type Script = 'hant' | 'hans' | 'neutral';

function differences(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== b.length) return 1;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** Whether text is written in Traditional or Simplified characters, or shows neither. */
export function scriptOf(text: string): Script {
  const traditional = differences(text, toSimplified(text));
  const simplified = differences(text, toTraditional(text));
  if (traditional > simplified) return 'hant';
  if (simplified > traditional) return 'hans';
  return 'neutral';
}

const WORD_CHAR = /[\p{Script=Latin}\p{Nd}]/u;
const OPENING = /^[\s\p{P}\p{S}]*/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

/** The rule's words as a pattern over folded text: any run of spaces between words, whole words for Latin script. */
function patternOf(avoid: string, mode: PhraseMatchMode): RegExp | null {
  const needle = fold(avoid.trim());
  if (!needle) return null;
  const key = `${mode}\u0000${needle}`;
  const cached = patterns.get(key);
  if (cached) return cached;
  const body = needle.split(/\s+/u).map(escapeRegExp).join('\\s+');
  const first = needle.slice(0, 1);
  const last = needle.slice(-1);
  const before = WORD_CHAR.test(first) ? '(?<![\\p{Script=Latin}\\p{Nd}])' : '';
  const after = WORD_CHAR.test(last) ? '(?![\\p{Script=Latin}\\p{Nd}])' : '';
  const re = new RegExp(`${before}${body}${after}`, mode === 'start' ? 'uy' : 'gu');
  if (patterns.size < FOLD_CACHE_LIMIT) patterns.set(key, re);
  return re;
}

/** A rule's own pattern, its letters folded as the text is (regular-expression syntax is ASCII and stays). */
function rulePatternOf(pattern: string, mode: PhraseMatchMode): RegExp | null {
  const key = `${mode}\u0001${pattern}`;
  const cached = patterns.get(key);
  if (cached) return cached;
  let source = '';
  for (const c of pattern) source += (c.codePointAt(0) ?? 0) < 0x80 ? c : foldChar(c);
  let re: RegExp;
  try {
    re = new RegExp(source, mode === 'start' ? 'diuy' : 'digu');
  } catch {
    return null;
  }
  if (patterns.size < FOLD_CACHE_LIMIT) patterns.set(key, re);
  return re;
}

/** Why a rule's pattern and replacement cannot be used, or null when they can. */
export function rewriteProblem(pattern: string | null | undefined, replacement: string | null | undefined): string | null {
  if (!pattern) return replacement ? 'replacement: needs a pattern' : null;
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch (err) {
    return `pattern: not a regular expression (${(err as Error).message})`;
  }
  if (re.test('')) return 'pattern: matches empty text';
  const groups = new Set([...pattern.matchAll(/\(\?<([\p{L}_][\p{L}\p{N}_]*)>/gu)].map((m) => m[1]));
  const unknown = placeholdersOf(replacement ?? '').filter((name) => !groups.has(name));
  return unknown.length ? `replacement: {${unknown.join('}, {')}} is no part of the pattern` : null;
}

interface Candidate {
  start: number;
  end: number;
  rule: PhraseRuleInput;
  /** The pattern's named parts, as positions in the text. */
  parts: Record<string, [number, number]>;
}

function partsOf(m: RegExpExecArray): Record<string, [number, number]> {
  const parts: Record<string, [number, number]> = {};
  for (const [name, at] of Object.entries(m.indices?.groups ?? {})) if (at) parts[name] = at;
  return parts;
}

function occurrences(foldedText: string, opening: number, rule: PhraseRuleInput): Candidate[] {
  const re = rule.pattern ? rulePatternOf(rule.pattern, rule.match) : patternOf(rule.avoid, rule.match);
  if (!re) return [];
  if (rule.match === 'start') {
    re.lastIndex = opening;
    const m = re.exec(foldedText);
    return m && m[0].length > 0 ? [{ start: m.index, end: m.index + m[0].length, rule, parts: partsOf(m) }] : [];
  }
  const found: Candidate[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(foldedText); m; m = re.exec(foldedText)) {
    if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, rule, parts: partsOf(m) });
    // Overlapping occurrences are all candidates; the longest is kept below.
    re.lastIndex = m.index + ((foldedText.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return found;
}

function isChinese(locale: Locale): boolean {
  return locale === 'zh-Hant' || locale === 'zh-Hans';
}

/** The writer's language decides where the words show no script; Traditional, the seed's own, otherwise. */
function scriptOfLocale(locale: string | undefined): Exclude<Script, 'neutral'> {
  return locale === 'zh-Hans' ? 'hans' : 'hant';
}

/**
 * R-WD-1: "不要用 / 改用": finds the phrases of the guide in a reply and gives, for each, the
 * phrase to use instead. It only warns: nothing here refuses a reply. Traditional and
 * Simplified forms match the same rule, English matches whole words in any case, a `start`
 * rule only the opening words; where matches overlap the longest is kept. Positions are
 * UTF-16 indexes into `text` as given, and a Chinese suggestion comes in the script the
 * matched words were written in.
 */
export function findPhrases(text: string, rules: readonly PhraseRuleInput[], options: FindOptions = {}): PhraseMatch[] {
  if (!text || rules.length === 0) return [];
  const foldedText = fold(text);
  const opening = OPENING.exec(foldedText)?.[0].length ?? 0;

  let textScript: Script | undefined;
  const scriptAt = (start: number, end: number): Exclude<Script, 'neutral'> => {
    const own = scriptOf(text.slice(start, end));
    if (own !== 'neutral') return own;
    textScript ??= scriptOf(text);
    return textScript !== 'neutral' ? textScript : scriptOfLocale(options.locale);
  };

  const candidates = rules.flatMap((rule) => occurrences(foldedText, opening, rule));
  // Where two rules find the same words: an estate's own rule first, then the rule in the script written.
  const rank = new Map(
    candidates.map((c) => {
      const sameScript = isChinese(c.rule.locale) && scriptOfLocale(c.rule.locale) === scriptAt(c.start, c.end);
      return [c, (c.rule.estateId ? 2 : 0) + (sameScript ? 1 : 0)];
    }),
  );
  const rankOf = (c: Candidate) => rank.get(c) ?? 0;
  // Where matches overlap, an estate's own rule is kept over the company's (its wording is the
  // estate's choice, even where a company rule would rewrite more), then the longest.
  const own = (c: Candidate) => (c.rule.estateId ? 1 : 0);
  candidates.sort(
    (a, b) =>
      own(b) - own(a) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      rankOf(b) - rankOf(a) ||
      (a.rule.id < b.rule.id ? -1 : 1),
  );

  const kept: Candidate[] = [];
  const taken = new Uint8Array(text.length);
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).some((x) => x === 1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);

  return kept.map(({ start, end, rule, parts }) => {
    const found = { avoid: rule.avoid, suggestion: rule.suggestion, note: rule.note ?? null, locale: rule.locale };
    let template = rule.pattern ? (rule.replacement ?? rule.suggestion) : rule.suggestion;
    const script = isChinese(rule.locale) ? scriptAt(start, end) : null;
    const convert =
      script === 'hans' && rule.locale === 'zh-Hant' ? toSimplified : script === 'hant' && rule.locale === 'zh-Hans' ? toTraditional : null;
    if (convert) {
      found.avoid = convert(found.avoid);
      found.suggestion = convert(found.suggestion);
      found.note = found.note === null ? null : convert(found.note);
      found.locale = script === 'hans' ? 'zh-Hans' : 'zh-Hant';
      template = convert(template);
    }
    const words = Object.fromEntries(Object.entries(parts).map(([name, [a, b]]) => [name, text.slice(a, b)]));
    const sentence = sentenceAround(text, start, end);
    const replacement = fitInSentence(fillTemplate(template, words), {
      foldedBefore: foldedText.slice(sentence.start, start),
      foldedSpan: foldedText.slice(start, end),
      atSentenceStart: foldedText.slice(sentence.start, start).trim() === '',
      fold,
    });
    const preview = text.slice(sentence.start, start) + replacement + text.slice(end, sentence.end);
    return {
      start,
      end,
      text: text.slice(start, end),
      ...found,
      replacement,
      sentence: text.slice(sentence.start, sentence.end).trimEnd(),
      preview: preview.trimEnd(),
      ruleId: rule.id,
    };
  });
}

/** The most suggestions one revision puts in (a guard against rules that rewrite each other's words). */
const MAX_REVISIONS = 50;

/**
 * R-WD-1: the text with every suggestion put in, one at a time from the first, each found again
 * on the text as it stands after the one before (so an apology is not said twice in a sentence),
 * and what the guide still finds in the result (nothing, with the seed's rules).
 */
export function revise(
  text: string,
  rules: readonly PhraseRuleInput[],
  options: FindOptions = {},
): { revised: string; remaining: PhraseMatch[] } {
  let revised = text;
  const seen = new Set<string>();
  for (let i = 0; i < MAX_REVISIONS; i++) {
    const next = findPhrases(revised, rules, options).find((m) => !seen.has(`${m.ruleId}:${m.start}:${m.text}`));
    if (!next) break;
    seen.add(`${next.ruleId}:${next.start}:${next.text}`);
    revised = revised.slice(0, next.start) + next.replacement + revised.slice(next.end);
  }
  return { revised, remaining: findPhrases(revised, rules, options) };
}
