// Vitest setup: every test file runs against its own freshly migrated database.
import { afterAll, beforeAll, inject } from "vitest";
import { useDatabase } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./database";

let testDatabase: TestDatabase | undefined;

beforeAll(async () => {
  testDatabase = await createTestDatabase(inject("pgliteTemplatePath"));
  useDatabase(testDatabase.database);
});

afterAll(async () => {
  await testDatabase?.dispose();
});
