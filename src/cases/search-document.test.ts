import { describe, expect, it } from 'vitest';
import { queryTerms } from '../platform/search.js';
import { documentText, estateToken, ftsMatch, newTerms, tsQuery } from './search-document.js';

const ESTATE = '018C1D86-7400-758e-ad0b-ab26a02a06e9';

describe('search documents', () => {
  it("an estate's token is what no query can produce", () => {
    expect(estateToken(ESTATE)).toBe('_e018c1d867400758ead0bab26a02a06e9');
    const terms = queryTerms(`${estateToken(ESTATE)} _e018c`);
    expect([...terms.exact, ...terms.prefix].some((t) => t.startsWith('_'))).toBe(false);
  });

  it.each([
    ['滲水', '"_e018c1d867400758ead0bab26a02a06e9" AND "渗水"', `'_e018c1d867400758ead0bab26a02a06e9' & '渗水'`],
    [
      '浴室 leak',
      '"_e018c1d867400758ead0bab26a02a06e9" AND "浴室" AND "leak"*',
      `'_e018c1d867400758ead0bab26a02a06e9' & '浴室' & 'leak':*`,
    ],
    ['水', '"_e018c1d867400758ead0bab26a02a06e9" AND "水"', `'_e018c1d867400758ead0bab26a02a06e9' & '水'`],
  ])('%s: FTS5 %s, tsquery %s', (query, fts, ts) => {
    expect(ftsMatch(ESTATE, queryTerms(query))).toBe(fts);
    expect(tsQuery(ESTATE, queryTerms(query))).toBe(ts);
  });

  it('quotes inside a term stay inside its quotes', () => {
    const terms = { exact: ['a"b'], prefix: ["o'k\\"] };
    expect(ftsMatch(ESTATE, terms)).toBe('"_e018c1d867400758ead0bab26a02a06e9" AND "a""b" AND "o\'k\\"*');
    expect(tsQuery(ESTATE, terms)).toBe(`'_e018c1d867400758ead0bab26a02a06e9' & 'a"b' & 'o''k\\\\':*`);
  });

  it('a document holds its estate and each term once', () => {
    const text = documentText(ESTATE, ['浴', '浴室', 'leak']);
    expect(text).toBe('_e018c1d867400758ead0bab26a02a06e9 浴 浴室 leak');
    expect(newTerms(text, ['浴室', '室', 'leak', 'leaking'])).toEqual(['室', 'leaking']);
  });
});
