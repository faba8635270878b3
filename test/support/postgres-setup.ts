import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { quoteIdent, urlFor, withAdmin } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgRun: string;
  }
}

/**
 * Creates this run's throwaway template database, migrated once; every test then gets a
 * fresh copy of it. Outside CI a missing server is said loudly; under CI=true it fails.
 */
export default async function setup(project: TestProject) {
  const run = `ed_${process.pid}_${Date.now().toString(36)}`;
  const template = `${run}_tmpl`;
  try {
    await withAdmin((c) => c.query(`create database ${quoteIdent(template)}`));
  } catch (err) {
    const message = `PostgreSQL is not reachable for the api-postgres suite (${(err as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`;
    throw new Error(message);
  }
  const handle = openPostgres(urlFor(template), 1);
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('pgTemplate', template);
  project.provide('pgRun', run);
  return async () => {
    await withAdmin(async (c) => {
      // A worker's copy made ahead, or its drop behind the last test, may still be under way
      // on the server after the worker has gone: wait for those statements, then drop the rest.
      for (let i = 0; i < 300; i++) {
        const { rows } = await c.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where pid <> pg_backend_pid() and query ~* '^(create|drop) database' and state = 'active'",
        );
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${run}%`]);
      for (const r of rows) await c.query(`drop database if exists ${quoteIdent(r.datname)} with (force)`);
    });
  };
}
