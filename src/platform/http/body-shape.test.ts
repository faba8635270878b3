import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { checkBodyShape, MAX_JSON_DEPTH } from './body-shape.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

function refusal(value: unknown): AppError {
  try {
    checkBodyShape(value, 'body');
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('checkBodyShape', () => {
  it('accepts nesting up to the limit and refuses one level more, naming the body and the limit', () => {
    expect(() => checkBodyShape(nested(MAX_JSON_DEPTH), 'body')).not.toThrow();
    const err = refusal(nested(MAX_JSON_DEPTH + 1));
    expect(err.code).toBe('request.too_deep');
    expect(err.status).toBe(400);
    expect(err.details).toEqual({ field: 'body', maxDepth: MAX_JSON_DEPTH });
  });

  it('refuses 100,000 levels of nesting without exhausting the stack', () => {
    expect(refusal(nested(100_000)).code).toBe('request.too_deep');
  });

  it('finds a NUL character 10,000 entries wide and names its field', () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => ({ name: i === 9_999 ? 'a\u0000b' : 'ok' }));
    const err = refusal({ rows: wide });
    expect(err.code).toBe('validation.failed');
    expect(err.details.issues).toEqual([
      { path: 'body.rows.9999.name', message: 'must not contain the NUL character', code: 'invalid_characters' },
    ]);
  });

  it('names the object whose key carries a NUL character, and the first offending field in document order', () => {
    expect(refusal({ outer: { 'k\u0000': 1 } }).message).toBe('body.outer: must not contain the NUL character');
    expect(refusal({ a: 'x\u0000', b: 'y\u0000' }).message).toBe('body.a: must not contain the NUL character');
  });
});
