import type { QueryTerms } from '../platform/search.js';

/**
 * A case's search document (docs/adr/0009-search-index.md): the terms of its texts
 * (platform/search.ts) and its estate's token, one document per case. A query's terms are
 * letters, digits and Han only, so none is ever `_e…`: the token is ANDed into every query and
 * the index finds the estate's matching cases in one lookup.
 */
export function estateToken(estateId: string): string {
  return `_e${estateId.replace(/-/g, '').toLowerCase()}`;
}

/** The document's text on SQLite: the estate's token and the terms, space-separated. */
export function documentText(estateId: string, terms: Iterable<string>): string {
  return [estateToken(estateId), ...terms].join(' ');
}

/** The terms a document lacks, or none: an appended text adds only what is new. */
export function newTerms(text: string, terms: string[]): string[] {
  const held = new Set(text.split(' '));
  return terms.filter((t) => !held.has(t));
}

/** An FTS5 MATCH expression: every term quoted ("term" exact, "term"* a prefix), all ANDed. */
export function ftsMatch(estateId: string, terms: QueryTerms): string {
  const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return [quoted(estateToken(estateId)), ...terms.exact.map(quoted), ...terms.prefix.map((t) => `${quoted(t)}*`)].join(' AND ');
}

/** A tsquery of quoted lexemes ('term' exact, 'term':* a prefix) joined by &, cast with ::tsquery (no parser). */
export function tsQuery(estateId: string, terms: QueryTerms): string {
  const quoted = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return [quoted(estateToken(estateId)), ...terms.exact.map(quoted), ...terms.prefix.map((t) => `${quoted(t)}:*`)].join(' & ');
}
