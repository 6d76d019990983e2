// PostgreSQL going away under load, through real route handlers: a real server on
// 127.0.0.1:5432 behind a TCP proxy this test cuts and restores (the shared server itself is
// never restarted). While it is gone every route that needs it answers 503
// database_unavailable with Retry-After, within the pool's connect timeout; when it is back the
// same process serves again. Runs on both suite passes (PGlite and PostgreSQL): it brings its
// own database, and is skipped only when no PostgreSQL answers on 127.0.0.1:5432.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { database, db, useDatabase } from "@/lib/db";
import { openDatabase, type Database } from "@/lib/db/client";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { parseUiStream, signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import { TestClient, type CallResult } from "@/lib/testing/http";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { GET as ready } from "@/app/ready/route";
import { POST as register } from "../auth/register/route";
import { POST as chat } from "../chat/route";
import { GET as listConversations, POST as createConversation } from "../conversations/route";
import { GET as search } from "../conversations/search/route";

const SERVER = { host: "127.0.0.1", port: 5432 };
const ADMIN_URL = `postgresql://postgres@${SERVER.host}:${SERVER.port}/postgres`;

async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(sql: string) {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type ErrorBody = { error: { code: string; message: string; retry_after?: number } };

function expectDatabaseUnavailable(result: CallResult<unknown>) {
  expect(result.status).toBe(503);
  expect((result.body as ErrorBody).error.code).toBe("database_unavailable");
  expect(result.headers.get("retry-after")).toBe("5");
  expect(result.headers.get("x-request-id")).toBeTruthy();
}

const available = await postgresAnswers();

describe.skipIf(!available)("PostgreSQL unavailable (needs a PostgreSQL server on 127.0.0.1:5432 with trust auth for user postgres)", () => {
  const name = `faults_${randomBytes(5).toString("hex")}`;
  let proxy: TcpProxy;
  let outageDb: Database;
  let suiteDb: Database;
  let stubs: StubProviders;

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    proxy = await startTcpProxy(SERVER);
    // A short connect timeout keeps the blackhole case quick; production's default is 5 s.
    outageDb = openDatabase({ backend: "postgres", url: `postgresql://postgres@127.0.0.1:${proxy.port}/${name}`, connectTimeoutMs: 300 });
    await applyMigrations(outageDb.sql, await readMigrations());
    suiteDb = database();
    useDatabase(outageDb);
    stubs = await startStubProviders();
  });

  afterEach(() => proxy.set("up"));

  afterAll(async () => {
    useDatabase(suiteDb);
    await stubs?.close();
    await outageDb?.close().catch(() => undefined);
    await proxy?.close();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("answers 503 database_unavailable with Retry-After on every route while the server is down, then recovers without a restart", async () => {
    const { client, userId } = await signedInClient();
    const before = await client.call<{ conversation: { id: string } }>(createConversation, "/api/v1/conversations", { body: { title: "kept" } });
    expect(before.status).toBe(201);
    expect((await new TestClient().call(ready, "/ready")).status).toBe(200);

    proxy.set("down");
    // Under load: many requests of every kind at once, reads, writes, the anonymous sign-up and a chat turn.
    const during = await Promise.all([
      ...Array.from({ length: 10 }, () => client.call(listConversations, "/api/v1/conversations")),
      ...Array.from({ length: 5 }, (_, index) => client.call(createConversation, "/api/v1/conversations", { body: { title: `lost ${index}` } })),
      client.call(search, "/api/v1/conversations/search?q=kept"),
      new TestClient().call(register, "/api/v1/auth/register", { body: { email: `outage-${Date.now()}@example.com`, password: "a long password" } }),
      client.call(chat, "/api/v1/chat", { body: { action: "send", conversationId: before.body.conversation.id, message: "hello while the database is down" } }),
    ]);
    for (const result of during) expectDatabaseUnavailable(result);
    const readiness = await new TestClient().call<{ ready: boolean; database: string }>(ready, "/ready");
    expect(readiness.status).toBe(503);
    expect(readiness.body).toMatchObject({ ready: false, database: "error" });
    // A new conversation's first turn, too, is refused before anything streams: the request's
    // workspace is read first. (Should the database go away after that, the stream ends with an
    // error saying the message was not saved, never with a reply that looks kept.)
    expectDatabaseUnavailable(await client.call(chat, "/api/v1/chat", { body: { action: "send", message: "a new chat while the database is down" } }));

    proxy.set("up");
    const after = await client.call<{ items: { id: string; title: string }[] }>(listConversations, "/api/v1/conversations");
    expect(after.status).toBe(200);
    // What was acknowledged before the outage is there; what was refused during it was not half-written.
    expect(after.body.items.map((item) => item.title)).toEqual(["kept"]);
    expect(await db().message.count({ where: { conversation: { userId } } })).toBe(0);
    expect((await new TestClient().call<{ ready: boolean }>(ready, "/ready")).body.ready).toBe(true);
  });

  it("saves a reply whose stream outlives a short outage: the text the client saw is kept once the database is back", async () => {
    const { client } = await signedInClient();
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`).join(" ");
    stubs.primary.script([{ kind: "ok", reply: words, chunkIntervalMs: 50 }]);
    const headers = new Headers({ "content-type": "application/json", cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ") });
    const response = await chat(new Request("http://localhost:3000/api/v1/chat", { method: "POST", headers, body: JSON.stringify({ action: "send", message: "through an outage" }) }));
    const conversationId = response.headers.get("x-conversation-id")!;
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    while (!received.includes('"delta":" w1"')) received += (await reader.read()).value ?? "";
    // The question is saved by now (the first token follows the write); the reply's save will find the database gone.
    proxy.set("down");
    const rest = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value;
    })();
    // Let the stream end and its save fail at least once (a pause, not an assertion on time).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy.set("up");
    await rest;
    expect(parseUiStream(received).errors).toEqual([]);
    const reply = await db().message.findFirstOrThrow({ where: { conversationId, role: "assistant" } });
    expect(reply).toMatchObject({ status: "complete", content: words });
  });

  it("bounds a request by the connect timeout when the server stops answering at all", async () => {
    const { client } = await signedInClient();
    proxy.set("blackhole");
    // Without a connect timeout node-postgres waits forever and this call never returns.
    const during = await Promise.all([
      client.call(listConversations, "/api/v1/conversations"),
      client.call(createConversation, "/api/v1/conversations", { body: { title: "never" } }),
    ]);
    for (const result of during) expectDatabaseUnavailable(result);
    expect((await new TestClient().call(ready, "/ready")).status).toBe(503);

    proxy.set("up");
    expect((await client.call(listConversations, "/api/v1/conversations")).status).toBe(200);
    expect((await new TestClient().call(ready, "/ready")).status).toBe(200);
  });
});
