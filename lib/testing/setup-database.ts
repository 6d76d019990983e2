// Vitest setup: every test file runs against its own freshly migrated database, and every test
// starts with no work a previous one left running after its response.
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { whenAfterReplySettled } from "@/lib/chat/generations";
import { useDatabase } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./database";

let testDatabase: TestDatabase | undefined;

beforeAll(async () => {
  testDatabase = await createTestDatabase(inject("pgliteTemplatePath"));
  useDatabase(testDatabase.database);
});

// A new chat's title call runs on after its reply's response: it must not reach the stub
// provider once the next test has scripted it, nor the database once it is closed.
afterEach(async () => {
  await whenAfterReplySettled();
});

afterAll(async () => {
  await whenAfterReplySettled();
  await testDatabase?.dispose();
});
