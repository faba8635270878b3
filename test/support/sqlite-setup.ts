import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openSqlite } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
  }
}

/**
 * Migrates this run's template SQLite database once; every test then gets a copy of the file.
 * The template is written with VACUUM INTO: one self-contained file with no WAL beside it.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-template-'));
  const template = path.join(dir, 'template.db');
  const handle = openSqlite(path.join(dir, 'migrating.db'));
  try {
    await migrateToLatest(handle.db);
    handle.sqlite?.prepare('vacuum into ?').run(template);
  } finally {
    await handle.close();
  }
  project.provide('sqliteTemplate', template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
