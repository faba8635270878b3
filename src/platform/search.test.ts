import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms } from './search.js';

const matches = (text: string, query: string) => {
  const stored = new Set(indexTerms(text));
  const q = queryTerms(query);
  return (
    q.exact.every((t) => stored.has(t)) &&
    q.prefix.every((p) => [...stored].some((s) => s.startsWith(p))) &&
    q.exact.length + q.prefix.length > 0
  );
};

describe('full-text terms for Chinese and English', () => {
  it.each([
    ['浴室天花滲水', '滲水', true],
    ['浴室天花滲水', '渗水', true],
    ['浴室天花渗水', '滲水', true],
    ['浴室天花滲水', '天花', true],
    ['浴室天花滲水', '水滲', false],
    ['浴室天花滲水', '漏水', false],
    ['浴室天花滲水', '滲', true],
    ['Water leaking from the ceiling', 'leak', true],
    ['Water leaking from the ceiling', 'LEAKING ceiling', true],
    ['Water leaking from the ceiling', 'roof', false],
    ['12A 室 lift 故障', '12a', true],
    ['12A 室 lift 故障', 'lift 故障', true],
    ['ＡＢＣ全形', 'abc', true],
  ])('%s ∋ %s: %s', (text, query, expected) => {
    expect(matches(text, query)).toBe(expected);
  });

  it('an empty or punctuation-only query has no terms', () => {
    expect(queryTerms('，。!?')).toEqual({ exact: [], prefix: [] });
  });
});
