/**
 * The sentence-level side of the phrase guide: a rule may describe the whole phrase to rewrite
 * as a pattern with named parts (`(?<rest>…)`, the rest of the clause) and a replacement that
 * puts those parts back (`{rest}`), so a suggestion is a sentence that still reads, not the
 * suggested words pasted over the matched ones.
 */

/** Where a sentence ends: Chinese and Latin full stops, question and exclamation marks, a new line. */
const SENTENCE_END = /[。！？!?\n]|\.(?=\s|$)/gu;

/** The sentence around [start, end): from just after the previous sentence end to just after the next one. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = 0;
  let to = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const after = m.index + m[0].length;
    if (after <= start) from = after;
    else if (m.index >= end) {
      to = after;
      break;
    }
  }
  while (from < start && /\s/u.test(text[from] ?? '')) from++;
  return { start: from, end: Math.max(to, end) };
}

const PLACEHOLDER = /\{(\p{L}[\p{L}\p{N}_]*)\}/gu;

/** The names a replacement puts back (`{rest}`), for checking them against the pattern's groups. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/**
 * Fills a replacement: `{name}` is the named part as written; `[A|B]` is A when every part A
 * names was found (not empty), else B (`[A]` alone: A or nothing).
 */
export function fillTemplate(template: string, parts: Readonly<Record<string, string>>): string {
  const withChoices = template.replace(/\[([^[\]|]*)(?:\|([^[\]]*))?\]/gu, (_, a: string, b: string | undefined) =>
    placeholdersOf(a).every((name) => (parts[name] ?? '') !== '') ? a : (b ?? ''),
  );
  return withChoices.replace(PLACEHOLDER, (_, name: string) => parts[name] ?? '');
}

/** The opening words of a replacement up to its first comma (`對不起,`), if it has any. */
const OPENING_WORDS = /^([^,，、。!?！？]{1,12})[,，]\s*/u;

/**
 * The replacement as it reads in its place: opening words (an apology) the sentence says already
 * are not said twice, and a Latin replacement starts with a small letter inside a sentence.
 */
export function fitInSentence(
  replacement: string,
  context: { foldedBefore: string; foldedSpan: string; atSentenceStart: boolean; fold: (s: string) => string },
): string {
  let out = replacement;
  const opening = OPENING_WORDS.exec(out);
  if (opening) {
    const words = context.fold(opening[1] as string);
    if (context.foldedBefore.includes(words) || context.foldedSpan.includes(words)) out = out.slice(opening[0].length);
  }
  const first = out.slice(0, 1);
  const second = out.slice(1, 2);
  if (!context.atSentenceStart && /\p{Lu}/u.test(first) && /\p{Ll}/u.test(second)) out = first.toLowerCase() + out.slice(1);
  if (context.atSentenceStart && /\p{Ll}/u.test(first)) out = first.toUpperCase() + out.slice(1);
  return out;
}
