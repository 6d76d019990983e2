// Runs once before all test files. On PGlite, initdb + migrations cost ~5 s; doing it once and
// handing each file a dump to load (~1.5 s) keeps the suite fast.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/client";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string | null;
  }
}

let templateDir: string | undefined;

export async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteTemplatePath", null);
    return;
  }
  const database = openDatabase({ backend: "pglite" });
  await applyMigrations(database.sql, await readMigrations());
  const dump = await database.pglite!.dumpDataDir("none");
  await database.close();
  templateDir = await mkdtemp(path.join(tmpdir(), "baatcheet-test-"));
  const templatePath = path.join(templateDir, "pglite-template.tar");
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplatePath", templatePath);
}

export async function teardown() {
  if (templateDir) await rm(templateDir, { recursive: true, force: true });
}
