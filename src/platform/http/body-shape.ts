import { AppError } from '../errors.js';

/** No request of EstateDesk nests deeper than a handful of levels; 64 leaves room and stops a stack-exhausting body. */
export const MAX_JSON_DEPTH = 64;

interface Node {
  value: unknown;
  depth: number;
  key: string;
  parent: Node | null;
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let n: Node | null = node; n; n = n.parent) keys.push(n.key);
  return keys.reverse().join('.');
}

function nulError(path: string): AppError {
  const message = 'must not contain the NUL character';
  return new AppError('validation.failed', `${path}: ${message}`, { issues: [{ path, message, code: 'invalid_characters' }] });
}

/**
 * Checks a parsed JSON value before validation, without recursion (a body nested 100,000 levels
 * deep is 200 kB): nesting deeper than `maxDepth` is refused, and no text may carry U+0000
 * (PostgreSQL cannot store it and no person types it), naming the field.
 */
export function checkBodyShape(root: unknown, rootPath: string, maxDepth = MAX_JSON_DEPTH): void {
  const stack: Node[] = [{ value: root, depth: 0, key: rootPath, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const { value } = node;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw nulError(pathOf(node));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const depth = node.depth + 1;
    if (depth > maxDepth) {
      throw new AppError('request.too_deep', `${rootPath}: nested more than ${maxDepth} levels deep`, {
        field: rootPath,
        maxDepth,
      });
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.some(([key]) => key.includes('\u0000'))) throw nulError(pathOf(node));
    // Pushed in reverse so the first offending field in document order is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as readonly [string, unknown];
      stack.push({ value: child, depth, key, parent: node });
    }
  }
}
