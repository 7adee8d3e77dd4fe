// The reference server's database: drizzle over PGlite (embedded) or PostgreSQL.
export { createDatabaseBackend, defaultEventRetentionMs } from './createDatabaseBackend';
export type { DatabaseBackend, DatabaseBackendOptions } from './createDatabaseBackend';
export { openDatabase } from './openDatabase';
export { databaseUnreadiness } from './readiness';
export type { Database, DatabaseTarget, DrizzleDatabase, OpenDatabaseOptions } from './openDatabase';
export { resetDatabase, seedDemoData, seedWorld } from './seed';
export type { SeedDemoDataOptions } from './seed';
