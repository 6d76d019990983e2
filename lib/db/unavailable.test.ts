import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, retryWhileDatabaseUnavailable } from "./unavailable";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma can't reach the server", { code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" }],
    ["Prisma: the server closed the connection", { code: "P1017", message: "Server has closed the connection." }],
    ["the adapter's error kind, inside Prisma's meta", { code: "P2036", meta: { driverAdapterError: { cause: { kind: "SocketTimeout" } } } }],
    ["a refused socket on the raw SQL path", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["a server shutting down (57P01)", withCode("terminating connection due to administrator command", "57P01")],
    ["a server still starting (57P03)", withCode("the database system is starting up", "57P03")],
    ["a connection exception class 08", withCode("connection failure", "08006")],
    ["the pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a connection lost mid-query, wrapped", new Error("query failed", { cause: new Error("Connection terminated unexpectedly") })],
    ["a raw query's SQLSTATE as the adapter reports it", { meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } } }],
  ])("%s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "P2002", message: "Unique constraint failed" }],
    ["a syntax error from PostgreSQL", withCode('syntax error at or near "SELEC"', "42601")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error at all", "boom"],
    ["nothing", undefined],
  ])("not %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("retryWhileDatabaseUnavailable", () => {
  it("tries again while the database cannot be reached, and returns the first success", async () => {
    let calls = 0;
    const result = await retryWhileDatabaseUnavailable(
      async () => {
        calls += 1;
        if (calls < 3) throw withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED");
        return "saved";
      },
      { everyMs: 1 },
    );
    expect(result).toBe("saved");
    expect(calls).toBe(3);
  });

  it("gives up at the end of its window with the outage error, and never retries other errors", async () => {
    const down = withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED");
    await expect(retryWhileDatabaseUnavailable(() => Promise.reject(down), { forMs: 20, everyMs: 5 })).rejects.toBe(down);
    let calls = 0;
    const bug = new TypeError("not a database problem");
    await expect(
      retryWhileDatabaseUnavailable(() => {
        calls += 1;
        return Promise.reject(bug);
      }),
    ).rejects.toBe(bug);
    expect(calls).toBe(1);
  });
});
