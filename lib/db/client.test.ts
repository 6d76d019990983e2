import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { database } from "./index";

describe("PostgreSQL pool", () => {
  // Without an error listener on the pool, the dropped idle connection is an uncaught exception
  // that takes the process down (and fails this run).
  it.skipIf(!env.DATABASE_URL)("survives the server dropping an idle connection, and answers the next query", async () => {
    const [backend] = await database().sql.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const admin = new Client({ connectionString: env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [backend!.pid]);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await database().sql.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});
