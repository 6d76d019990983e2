// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records
// name + checksum. A migration whose file changed after it was applied is refused: the schema
// would silently diverge between installs otherwise.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "./sql";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Arbitrary constant key for pg_advisory_lock so concurrent app instances migrate one at a time. */
const MIGRATION_LOCK_KEY = 7_366_420_261;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  // The folder is read at run time from the working directory, not traced into the bundle.
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationChecksumError extends Error {
  constructor(name: string) {
    super(
      `Migration ${name} was changed after it was applied. Restore the original file and add a new migration instead.`,
    );
    this.name = "MigrationChecksumError";
  }
}

export async function applyMigrations(runner: SqlRunner, migrations: Migration[]): Promise<string[]> {
  await runner.exec(`CREATE TABLE IF NOT EXISTS "_baatcheet_migrations" (
    "name" TEXT PRIMARY KEY,
    "checksum" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);

  const rows = await runner.query<{ name: string; checksum: string }>(
    `SELECT "name", "checksum" FROM "_baatcheet_migrations"`,
  );
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));
  const newlyApplied: string[] = [];

  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) throw new MigrationChecksumError(migration.name);
      continue;
    }
    const didApply = await runner.transaction(async (tx) => {
      // Another instance may be migrating right now: wait for it, then look again.
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const raced = await tx.query(`SELECT 1 FROM "_baatcheet_migrations" WHERE "name" = $1`, [migration.name]);
      if (raced.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO "_baatcheet_migrations" ("name", "checksum") VALUES ($1, $2)`, [
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) newlyApplied.push(migration.name);
  }
  return newlyApplied;
}
