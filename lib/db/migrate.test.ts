// The migrator on the test database (PGlite, or PostgreSQL with DATABASE_URL).
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { database } from "@/lib/db";
import { applyMigrations, MIGRATIONS_DIR, MigrationChecksumError, readMigrations } from "./migrate";

async function migrationsDir(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), "bc-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const tableExists = async (name: string) =>
  (await database().sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [name])).length > 0;

describe("prisma/migrations", () => {
  it("ends at the current schema: a schema change without `npm run db:migration` fails here", async () => {
    const newest = (await readMigrations()).at(-1)!;
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, newest.name, "schema.prisma"), "utf8");
    expect(snapshot).toBe(await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"));
  });
});

describe("applyMigrations", () => {
  it("applies the project's migrations: every Prisma table exists and nothing is pending", async () => {
    expect(await tableExists("User")).toBe(true);
    expect(await applyMigrations(database().sql, await readMigrations())).toEqual([]);
  });

  it("applies new migrations in name order, once", async () => {
    const dir = await migrationsDir({
      "20990101000002_second": `ALTER TABLE "t_order" ADD COLUMN "b" INT;`,
      "20990101000001_first": `CREATE TABLE "t_order" ("a" INT); CREATE INDEX "t_order_a" ON "t_order" ("a");`,
    });
    const migrations = await readMigrations(dir);
    expect(await applyMigrations(database().sql, migrations)).toEqual(["20990101000001_first", "20990101000002_second"]);
    expect(await applyMigrations(database().sql, migrations)).toEqual([]);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const original = await migrationsDir({ "20990102000001_checked": `CREATE TABLE "t_checked" ("a" INT);` });
    await applyMigrations(database().sql, await readMigrations(original));
    const edited = await migrationsDir({ "20990102000001_checked": `CREATE TABLE "t_checked" ("a" BIGINT);` });
    await expect(applyMigrations(database().sql, await readMigrations(edited))).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it("rolls a failing migration back whole and does not record it", async () => {
    const dir = await migrationsDir({
      "20990103000001_broken": `CREATE TABLE "t_broken" ("a" INT); SELECT * FROM "no_such_table";`,
    });
    await expect(applyMigrations(database().sql, await readMigrations(dir))).rejects.toThrow(/no_such_table/);
    expect(await tableExists("t_broken")).toBe(false);
    const recorded = await database().sql.query(`SELECT 1 FROM "_baatcheet_migrations" WHERE "name" = $1`, [
      "20990103000001_broken",
    ]);
    expect(recorded).toHaveLength(0);
  });
});
