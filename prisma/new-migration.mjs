// Writes the next migration: the SQL that takes the schema of the newest migration (its
// schema.prisma snapshot) to prisma/schema.prisma, computed by `prisma migrate diff` between
// the two files. No database or schema-engine binary is needed.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits, underscores)");
  process.exit(2);
}

const migrationsDir = path.join("prisma", "migrations");
const schema = path.join("prisma", "schema.prisma");
const previous = readdirSync(migrationsDir)
  .filter((entry) => statSync(path.join(migrationsDir, entry)).isDirectory())
  .sort()
  .at(-1);
const from = previous
  ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.prisma")]
  : ["--from-empty"];

const sql = execFileSync(
  "prisma",
  ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
  { encoding: "utf8", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
);
if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""))) {
  console.log("The schema matches the newest migration: nothing to write.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schema, path.join(dir, "schema.prisma"));
console.log(`Wrote ${dir}/migration.sql`);
