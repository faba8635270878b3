import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Engine } from './db/connect.js';
import type { Database } from './db/schema.js';
import type { LiveBus } from './live.js';

/** What every service needs: the database, the engine it runs on, the clock, the config and the live bus. */
export interface AppContext {
  db: Kysely<Database>;
  engine: Engine;
  clock: Clock;
  config: Config;
  live: LiveBus;
}
