import { type Kysely, PostgresAdapter } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

/**
 * R-PT-1: residents' accounts for the portal. An account belongs to one resident of one estate
 * and signs in by its login (the phone's digits, or the email) with a password or a one-time
 * code. Codes (invitations and sign-in codes) are kept only as their SHA-256, used once, and
 * expire. Residents' sessions are kept apart from the staff's, with their own CSRF token.
 */
export async function up(db: Db): Promise<void> {
  const ts = instant(db);
  await db.schema
    .createTable('resident_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull().unique().references('residents.id'))
    .addColumn('login', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-Hant'))
    .addColumn('invited_at', ts, (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('staff.id'))
    .addColumn('activated_at', ts)
    .addColumn('last_sign_in_at', ts)
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resident_accounts_login').on('resident_accounts').column('login').unique().execute();
  await db.schema.createIndex('resident_accounts_estate').on('resident_accounts').columns(['estate_id', 'created_at']).execute();

  await db.schema
    .createTable('resident_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('resident_accounts.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('resident_codes_hash').on('resident_codes').column('code_hash').unique().execute();
  await db.schema.createIndex('resident_codes_account').on('resident_codes').columns(['account_id', 'purpose', 'created_at']).execute();

  await db.schema
    .createTable('resident_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('resident_accounts.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('resident_sessions_account').on('resident_sessions').column('account_id').execute();

  // Records a resident makes in the portal name the portal as the staff member who recorded them
  // (their tables require one); the resident's account is in the history and the case's timeline.
  // It belongs to no estate and cannot sign in: no password, disabled, a username no form accepts.
  const now = new Date().toISOString();
  await db
    .insertInto('staff')
    .values({
      id: '00000000-0000-7000-8000-00000000a001',
      username: 'portal:residents',
      name: '住戶平台',
      surname: '',
      role: 'receptionist',
      email: null,
      phone: null,
      locale: 'zh-Hant',
      password_hash: null,
      password_changed_at: null,
      disabled_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
