import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The architecture test (docs/ARCHITECTURE.md, "Boundaries"): it reads every server source file's
 * imports and the tables its Kysely calls name, and lists each broken rule with file:line.
 */

const SRC = path.resolve('src');
const CAPABILITIES = ['auth', 'directory', 'cases', 'followups', 'frontdesk', 'phrases', 'fees', 'notices', 'reports'];
const MAX_LINES = 400;
/** Tables declared in platform/db/schema.ts, by the capability that owns them. */
const SCHEMA_OWNERS: Record<string, string> = {
  estates: 'directory',
  buildings: 'directory',
  units: 'directory',
  residents: 'directory',
  resident_units: 'directory',
  departments: 'directory',
  staff: 'directory',
  staff_estates: 'directory',
  presence: 'directory',
  sessions: 'auth',
  login_attempts: 'auth',
  history: 'platform',
  history_heads: 'platform',
};
/** Kysely calls whose first argument names a table. */
const TABLE_CALLS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
]);
/** Kysely calls that start a query. */
const QUERY_CALLS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);

interface SourceFile {
  rel: string;
  /** `auth`, `cases`, …, `platform`, `contract`, `web` or `root`. */
  area: string;
  text: string;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function areaOf(rel: string): string {
  const [first, ...rest] = rel.split('/');
  if (rest.length === 0) return 'root';
  return first ?? 'root';
}

const files: SourceFile[] = walk(SRC).map((full) => {
  const rel = path.relative(SRC, full).split(path.sep).join('/');
  return { rel, area: areaOf(rel), text: fs.readFileSync(full, 'utf8') };
});

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Code only: comments blanked (same length, so that lines stay where they were). */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}

/** Every relative import of a file, resolved to a path under src/ (`.js` written, `.ts` on disk). */
function importsOf(f: SourceFile): { target: string; line: number }[] {
  const code = codeOf(f.text);
  const out: { target: string; line: number }[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)(['"])(\.[^'"]+)\1/gm)) {
    const spec = m[2] as string;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(f.rel), spec)).replace(/\.js$/, '.ts');
    out.push({
      target: fs.existsSync(path.join(SRC, target)) ? target : target.replace(/\.ts$/, '.tsx'),
      line: lineAt(code, m.index ?? 0),
    });
  }
  return out;
}

/** Who owns each table: the capability whose tables.ts (or platform's) declares it. */
function tableOwners(): Map<string, string> {
  const owners = new Map(Object.entries(SCHEMA_OWNERS));
  for (const f of files) {
    if (!f.rel.endsWith('tables.ts')) continue;
    const owner = f.area === 'platform' ? 'platform' : f.area;
    const body = /interface Database \{([^}]*)\}/.exec(codeOf(f.text))?.[1] ?? '';
    for (const m of body.matchAll(/^\s*(\w+)\s*:/gm)) owners.set(m[1] as string, owner);
  }
  return owners;
}

/** Kysely calls in a file: the method, the table named (alias stripped) and the line. */
function kyselyCalls(f: SourceFile): { method: string; table: string | undefined; line: number }[] {
  const code = codeOf(f.text);
  const out: { method: string; table: string | undefined; line: number }[] = [];
  for (const m of code.matchAll(/\.(\w+)\(\s*(\[[^\]]*\]|(['"`])([^'"`]*)\3)?/g)) {
    const method = m[1] as string;
    if (!TABLE_CALLS.has(method)) continue;
    const line = lineAt(code, m.index ?? 0);
    const names = m[4] !== undefined ? [m[4]] : m[2] ? [...m[2].matchAll(/['"]([^'"]+)['"]/g)].map((x) => x[1] as string) : [undefined];
    for (const name of names) out.push({ method, table: name?.split(/\s+as\s+/)[0]?.trim(), line });
  }
  return out;
}

const isStore = (rel: string) => /(^|\/)store\.ts$|(^|\/)store\/[^/]+\.ts$|\.store\.ts$/.test(rel);
const isMigration = (rel: string) => rel.startsWith('platform/db/migrations/');

/** Fails listing every broken rule, one `file:line: what` a line. */
function expectNone(broken: string[]): void {
  if (broken.length > 0) expect.fail(`${broken.length} broken:\n${broken.join('\n')}`);
}

describe('architecture', () => {
  const owners = tableOwners();

  it('a capability imports another only through its index.ts, and nobody but server.ts and cli.ts imports a module.ts', () => {
    const broken: string[] = [];
    for (const f of files) {
      if (f.area === 'web') continue;
      for (const imp of importsOf(f)) {
        const targetArea = areaOf(imp.target);
        if (!CAPABILITIES.includes(targetArea) || targetArea === f.area) continue;
        const inner = imp.target.slice(targetArea.length + 1);
        if (inner === 'module.ts' && f.area === 'root') continue;
        // The ability tables are public by design: auth gathers every capability's policy.ts.
        if (inner === 'policy.ts' && f.rel === 'auth/policy.ts') continue;
        if (inner !== 'index.ts') broken.push(`${f.rel}:${imp.line}: ${f.area} imports ${imp.target}; use ${targetArea}/index.ts`);
      }
    }
    expectNone(broken);
  });

  it('platform/ imports no capability, and contract/ imports only contract/', () => {
    const broken: string[] = [];
    for (const f of files.filter((x) => x.area === 'platform' || x.area === 'contract')) {
      for (const imp of importsOf(f)) {
        const targetArea = areaOf(imp.target);
        const allowed = f.area === 'platform' ? ['platform', 'contract'] : ['contract'];
        if (!allowed.includes(targetArea)) broken.push(`${f.rel}:${imp.line}: ${f.area}/ imports ${imp.target}`);
      }
    }
    expectNone(broken);
  });

  it('web/ imports nothing of the server but contract/', () => {
    const broken: string[] = [];
    for (const f of files.filter((x) => x.area === 'web')) {
      for (const imp of importsOf(f)) {
        const targetArea = areaOf(imp.target);
        if (targetArea !== 'web' && targetArea !== 'contract') broken.push(`${f.rel}:${imp.line}: web/ imports ${imp.target}`);
      }
    }
    expectNone(broken);
  });

  it("no code names another capability's tables (platform's tables are named only in platform/)", () => {
    const broken: string[] = [];
    for (const f of files) {
      if (f.area === 'web' || isMigration(f.rel)) continue;
      for (const call of kyselyCalls(f)) {
        if (!call.table) continue;
        const owner = owners.get(call.table);
        if (owner === undefined) broken.push(`${f.rel}:${call.line}: ${call.method}('${call.table}') names a table no tables.ts declares`);
        else if (owner !== f.area) broken.push(`${f.rel}:${call.line}: ${f.area} names ${owner}'s table ${call.table}`);
      }
    }
    expectNone(broken);
  });

  it('every Kysely query is in a store file (or a migration)', () => {
    const broken: string[] = [];
    for (const f of files) {
      if (f.area === 'web' || isMigration(f.rel) || isStore(f.rel)) continue;
      for (const call of kyselyCalls(f)) {
        if (QUERY_CALLS.has(call.method))
          broken.push(`${f.rel}:${call.line}: ${call.method}(${call.table ? `'${call.table}'` : '…'}) outside a store`);
      }
    }
    expectNone(broken);
  });

  it(`no server source file is over ${MAX_LINES} lines`, () => {
    const long = files
      .filter((f) => f.area !== 'web' && !isMigration(f.rel))
      .map((f) => ({ rel: f.rel, lines: f.text.split('\n').length }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.rel}: ${f.lines} lines`);
    expectNone(long);
  });

  it('finds what it checks: the rules see imports, tables and queries in this codebase', () => {
    // A test that cannot fail is a defect: make sure the scanners read real code.
    expect(files.length).toBeGreaterThan(50);
    expect(owners.get('cases')).toBe('cases');
    expect(owners.get('obligations')).toBe('platform');
    expect(files.some((f) => kyselyCalls(f).length > 0)).toBe(true);
    expect(files.some((f) => importsOf(f).some((i) => areaOf(i.target) === 'platform'))).toBe(true);
  });
});
