import { defineConfig } from 'vitest/config';
import SuiteSequencer from './test/support/sequencer.js';

// One API suite, run twice: once on SQLite, once on PostgreSQL (ESTATEDESK_TEST_ENGINE).
const apiTests = ['src/**/routes.test.ts', 'test/api/**/*.test.ts'];

// Unit and API test files share their worker's loaded modules (isolate: false) instead of
// importing the server afresh per file, which took a quarter of an API run; what a test
// changes lives in its own app and database.

export default defineConfig({
  test: {
    // Three files at a time on two cores, all suites in one go: the API suites wait on
    // PostgreSQL and the browser and crash suites on their server and Chromium for much of
    // their time. The sequencer starts the long, waiting files early among the others.
    maxWorkers: 3,
    sequence: { sequencer: SuiteSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          isolate: false,
          include: ['src/**/*.test.ts', 'test/architecture.test.ts'],
          exclude: ['src/**/routes.test.ts', 'src/web/**'],
        },
      },
      {
        test: {
          name: 'api-sqlite',
          isolate: false,
          include: apiTests,
          env: { ESTATEDESK_TEST_ENGINE: 'sqlite' },
          globalSetup: ['test/support/server-bundle-setup.ts', 'test/support/sqlite-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          isolate: false,
          // test/postgres: what only PostgreSQL can do (several instances over one database).
          include: [...apiTests, 'test/postgres/**/*.test.ts'],
          env: { ESTATEDESK_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/support/server-bundle-setup.ts', 'test/support/postgres-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page waits on the server and a re-render; a loaded CI machine needs more than 1 s.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        test: {
          name: 'crash',
          // Real server processes SIGKILLed under write load, SQLite then PostgreSQL; it stops
          // after a number of kills, so sharing the machine with other suites makes it no weaker.
          include: ['test/crash/**/*.test.ts'],
          globalSetup: ['test/support/server-bundle-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
