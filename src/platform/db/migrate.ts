import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-28-0001-foundation.js';
import * as cases from './migrations/2026-11-28-0002-cases.js';
import * as phrases from './migrations/2026-11-28-0003-phrases.js';
import * as outboxNotices from './migrations/2026-11-28-0004-outbox-notices.js';
import * as followups from './migrations/2026-11-28-0005-followups.js';
import * as frontdesk from './migrations/2026-11-28-0006-frontdesk.js';
import * as estateRoles from './migrations/2026-11-30-0007-estate-roles.js';
import * as idempotencyKeys from './migrations/2026-11-30-0008-idempotency-keys.js';
import * as firstRunMarker from './migrations/2026-11-30-0009-first-run-marker.js';
import * as dashboardIndexes from './migrations/2026-11-30-0010-dashboard-indexes.js';
import * as caseSearchDocuments from './migrations/2026-11-30-0011-case-search-documents.js';
import * as openCasesAndFollowUpCounts from './migrations/2026-11-30-0012-open-cases-and-follow-up-counts.js';
import * as residentTitle from './migrations/2026-11-30-0013-resident-title.js';
import * as phraseRewrites from './migrations/2026-11-30-0014-phrase-rewrites.js';
import * as feeItems from './migrations/2026-11-30-0015-fee-items.js';
import * as publicPage from './migrations/2026-11-30-0016-public-page.js';
import * as residentAccounts from './migrations/2026-11-30-0017-resident-accounts.js';
import * as progressMessages from './migrations/2026-11-30-0018-progress-messages.js';
import * as followUpResidentScore from './migrations/2026-11-30-0019-follow-up-resident-score.js';
import * as feeLedger from './migrations/2026-11-30-0020-fee-ledger.js';
import * as monthlyReport from './migrations/2026-11-30-0021-monthly-report.js';
import * as periodExportIndexes from './migrations/2026-11-30-0022-period-export-indexes.js';
import * as telephony from './migrations/2026-11-30-0023-telephony.js';

/** Forward-only migrations, named by ISO date; listed here so bundling and tsx both find them. */
const migrations: Record<string, Migration> = {
  '2026-11-28-0001-foundation': foundation,
  '2026-11-28-0002-cases': cases,
  '2026-11-28-0003-phrases': phrases,
  '2026-11-28-0004-outbox-notices': outboxNotices,
  '2026-11-28-0005-followups': followups,
  '2026-11-28-0006-frontdesk': frontdesk,
  '2026-11-30-0007-estate-roles': estateRoles,
  '2026-11-30-0008-idempotency-keys': idempotencyKeys,
  '2026-11-30-0009-first-run-marker': firstRunMarker,
  '2026-11-30-0010-dashboard-indexes': dashboardIndexes,
  '2026-11-30-0011-case-search-documents': caseSearchDocuments,
  '2026-11-30-0012-open-cases-and-follow-up-counts': openCasesAndFollowUpCounts,
  '2026-11-30-0013-resident-title': residentTitle,
  '2026-11-30-0014-phrase-rewrites': phraseRewrites,
  '2026-11-30-0015-fee-items': feeItems,
  '2026-11-30-0016-public-page': publicPage,
  '2026-11-30-0017-resident-accounts': residentAccounts,
  '2026-11-30-0018-progress-messages': progressMessages,
  '2026-11-30-0019-follow-up-resident-score': followUpResidentScore,
  '2026-11-30-0020-fee-ledger': feeLedger,
  '2026-11-30-0021-monthly-report': monthlyReport,
  '2026-11-30-0022-period-export-indexes': periodExportIndexes,
  '2026-11-30-0023-telephony': telephony,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: false });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
