// The process-wide database: opened lazily on first use, never by `next build` (a build worker
// holding the embedded database's lock would keep `next start` from opening it), migrated
// once, one per process (route bundles and dev hot reloads share it).
//
// How code reaches the database, from the default to the exception:
// 1. Prisma queries (`db()`), everywhere by default.
// 2. Prisma's `$queryRaw` for list and search pages whose SQL the ORM cannot say (full-text
//    ranking, keyset pages over aggregates): lib/conversations/summary-sql.ts,
//    lib/search/strategies.ts, lib/projects/stats.ts, the key usage in lib/api-keys/service.ts.
// 3. SQL on the driver (`database().sql`, lib/db/sql.ts) only on the measured hot path of a
//    chat turn, in `*-store.ts` files that say what was measured (lib/chat/turn-store.ts,
//    lib/usage/ledger-store.ts), plus the migrator and the health check.
// Every file of 2 and 3 that names a model's columns is listed beside that model in
// prisma/schema.prisma, so a column change finds them.
import "server-only";
import path from "node:path";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process/singleton";
import { openDatabase, type Database, type DatabaseConfig, type Db } from "./client";
import { applyMigrations, readMigrations } from "./migrate";

export type { Db };
export { Prisma } from "./generated/client";

interface DbState {
  database?: Database;
  ready?: Promise<void>;
  migrated: boolean;
}

const state = processSingleton<DbState>("database", () => ({ migrated: false }));

export function configFromEnv(): DatabaseConfig {
  return env.DATABASE_URL
    ? { backend: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS }
    : { backend: "pglite", dataDir: path.resolve(env.DATA_DIR, "pglite") };
}

export function database(): Database {
  if (!state.database && process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) {
    // Fails the build loudly: a page that reads data must first read the request (headers(),
    // cookies()) so Next renders it per request instead of prerendering it.
    throw new Error("The database was opened during `next build`: a prerendered page or module reads data.");
  }
  state.database ??= openDatabase(configFromEnv());
  return state.database;
}

/** The Prisma client. Queries before `ensureMigrated()` resolves may hit a missing table. */
export function db(): Db {
  return database().prisma;
}

/** Applies pending migrations once per process; every later call returns the same promise. */
export function ensureMigrated(): Promise<void> {
  state.ready ??= (async () => {
    await applyMigrations(database().sql, await readMigrations());
    state.migrated = true;
  })().catch((error: unknown) => {
    state.ready = undefined;
    throw error;
  });
  return state.ready;
}

export function isMigrated(): boolean {
  return state.migrated;
}

/** Tests swap in their own freshly migrated database. */
export function useDatabase(next: Database): void {
  state.database = next;
  state.migrated = true;
  state.ready = Promise.resolve();
}

export async function closeDatabase(): Promise<void> {
  const current = state.database;
  state.database = undefined;
  state.ready = undefined;
  state.migrated = false;
  await current?.close();
}
