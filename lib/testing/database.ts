// A clean, migrated database per test file: in-memory PGlite by default, or a throwaway
// database on the PostgreSQL server named by DATABASE_URL (dropped afterwards).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Client } from "pg";
import { openDatabase, type Database } from "@/lib/db/client";
import { applyMigrations, readMigrations, type Migration } from "@/lib/db/migrate";
import { env } from "@/lib/env";

export interface TestDatabase {
  database: Database;
  dispose(): Promise<void>;
}

/** Refuses anything but a local server: tests create and drop databases. */
function assertLocal(url: URL) {
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(`Refusing to run tests against non-local database host ${url.hostname}.`);
  }
}

async function withAdminClient<T>(serverUrl: URL, work: (client: Client) => Promise<T>): Promise<T> {
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const client = new Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * `pgliteTemplatePath`: a migrated PGlite dump made once by the global setup. `migrations`: only
 * these (a migration's own test starts from the ones before it), on an empty database.
 */
export async function createTestDatabase(pgliteTemplatePath?: string | null, options: { migrations?: Migration[] } = {}): Promise<TestDatabase> {
  const migrations = options.migrations ?? (await readMigrations());
  if (!env.DATABASE_URL) {
    const template = pgliteTemplatePath && !options.migrations ? new Blob([await readFile(pgliteTemplatePath)]) : undefined;
    const database = openDatabase({ backend: "pglite", template });
    await applyMigrations(database.sql, migrations);
    return { database, dispose: () => database.close() };
  }

  const serverUrl = new URL(env.DATABASE_URL);
  assertLocal(serverUrl);
  const name = `bc_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ backend: "postgres", url: url.toString() });
  await applyMigrations(database.sql, migrations);
  return {
    database,
    async dispose() {
      await database.close();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
