// The public surface of @account-planning/store-postgres. Every exported name is listed here.

export { DEFAULT_SCHEMA, type PostgresConnection } from './connection.js';
export type {
  NotificationLike,
  PostgresTransaction,
  QueryResultLike,
} from './executor/executor.js';
export type {
  PostgresClient,
  PostgresPool,
  PostgresPoolClient,
  PostgresQueryConfig,
} from './executor/pgExecutor.js';
export type { PGliteDatabase } from './executor/pgliteExecutor.js';
export { type MigrateOptions, type MigrateResult, migrate } from './migrate.js';
export {
  type ConsumerLag,
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgresEventStore.js';
