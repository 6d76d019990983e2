// Every limit through the real route wrapper, on the in-memory store with a fake clock.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/service";
import { db } from "@/lib/db";
import type { ErrorBody } from "@/lib/errors";
import { healthHandler, liveHandler, readyHandler } from "@/lib/health/handlers";
import { route } from "@/lib/http/route";
import { signedInClient } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { createMemoryStore } from "./memory-store";
import { setRateLimitStore } from "./store";
import type { RateLimitStore } from "./types";

const WINDOW_START = Date.UTC(2030, 0, 1, 12, 0, 0);
let clock = WINDOW_START;

const ok = async () => Response.json({ ok: true });
const declared = { summary: "a test route", response: { status: 200, schema: z.unknown() } };
const open = route({ auth: "public", ...declared }, ok);
const signedIn = route({ auth: "user", ...declared }, ok);
// The groups a route joins by declaring them, as the auth routes, the chat routes and the probes do.
const authGroup = route({ auth: "public", limit: "auth", ...declared }, ok);
const chatGroup = route({ auth: "user", limit: "chat", ...declared }, ok);
const probe = route({ auth: "public", limit: "exempt", ...declared }, ok);

beforeEach(() => {
  clock = WINDOW_START + 15_000;
  setRateLimitStore(createMemoryStore({ now: () => clock }));
});
afterAll(() => setRateLimitStore(null));

const limitHeaders = (headers: Headers) => ({
  limit: headers.get("x-ratelimit-limit"),
  remaining: headers.get("x-ratelimit-remaining"),
  reset: headers.get("x-ratelimit-reset"),
});

async function repeat(times: number, call: () => Promise<{ status: number }>) {
  const statuses: number[] = [];
  for (let index = 0; index < times; index += 1) statuses.push((await call()).status);
  return statuses;
}

function expectRefused(result: { status: number; headers: Headers; body: ErrorBody }, limit: number, windowSeconds: number) {
  const windowEnd = Math.ceil((clock + 1) / (windowSeconds * 1000)) * windowSeconds * 1000;
  const retryAfter = Math.ceil((windowEnd - clock) / 1000);
  expect(result.status).toBe(429);
  expect(result.body.error.code).toBe("rate_limited");
  expect(result.body.error.retry_after).toBe(retryAfter);
  expect(result.headers.get("retry-after")).toBe(String(retryAfter));
  expect(limitHeaders(result.headers)).toEqual({ limit: String(limit), remaining: "0", reset: String(windowEnd / 1000) });
}

describe("rate limits", () => {
  it("global per IP: 600 a minute, headers on every response, other addresses unaffected", async () => {
    const client = new TestClient("192.0.2.1");
    const first = await client.call(open, "/api/v1/anything");
    expect(limitHeaders(first.headers)).toEqual({ limit: "600", remaining: "599", reset: String((WINDOW_START + 60_000) / 1000) });
    expect(new Set(await repeat(599, () => client.call(open, "/api/v1/anything")))).toEqual(new Set([200]));
    expectRefused(await client.call<ErrorBody>(open, "/api/v1/anything"), 600, 60);
    expect((await new TestClient("192.0.2.2").call(open, "/api/v1/anything")).status).toBe(200);
    clock += 120_000;
    expect((await client.call(open, "/api/v1/anything")).status).toBe(200);
  });

  it("auth endpoints: 30 a minute per address, stricter than the rest", async () => {
    const client = new TestClient("192.0.2.3");
    const login = () => client.call<ErrorBody>(authGroup, "/api/v1/auth/login", { body: {} });
    const first = await login();
    expect(limitHeaders(first.headers)).toMatchObject({ limit: "30", remaining: "29" });
    expect(new Set(await repeat(29, login))).toEqual(new Set([200]));
    expectRefused(await login(), 30, 60);
    expect((await client.call(open, "/api/v1/conversations")).status).toBe(200);
  });

  it("chat turns: 30 a minute per user, whatever the address", async () => {
    const { client, userId } = await signedInClient("192.0.2.4");
    const other = await signedInClient("192.0.2.4");
    const send = (who: TestClient) => who.call<ErrorBody>(chatGroup, "/api/v1/chat", { body: { message: "hi" } });
    expect(new Set(await repeat(30, () => send(client)))).toEqual(new Set([200]));
    expectRefused(await send(client), 30, 60);
    expect((await send(other.client)).status).toBe(200);
    expect((await client.call(signedIn, "/api/v1/chat/some-id")).status).toBe(200);
    const { secret } = await createApiKey({ owner: { userId, role: "user", tier: "free" }, input: { name: "k", permissions: ["write"] } });
    const viaKey = await new TestClient("192.0.2.5").call<ErrorBody>(chatGroup, "/api/v1/chat/completions", {
      body: {},
      headers: { authorization: `Bearer ${secret}` },
    });
    expectRefused(viaKey, 30, 60);
  });

  it("per API key: its own hourly limit, or the plan's default", async () => {
    const { userId, client } = await signedInClient("192.0.2.6");
    const owner = { userId, role: "user" as const, tier: "free" as const };
    const limited = await createApiKey({ owner, input: { name: "three", permissions: ["read"], rateLimitPerHour: 3 } });
    const defaulted = await createApiKey({ owner, input: { name: "default", permissions: ["read"] } });
    const withKey = (secret: string) =>
      new TestClient("192.0.2.7").call<ErrorBody>(signedIn, "/api/v1/conversations", { headers: { authorization: `Bearer ${secret}` } });

    const remaining: (string | null)[] = [];
    for (let index = 0; index < 3; index += 1) {
      const result = await withKey(limited.secret);
      expect(result.status).toBe(200);
      remaining.push(result.headers.get("x-ratelimit-remaining"));
      expect(result.headers.get("x-ratelimit-limit")).toBe("3");
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    expectRefused(await withKey(limited.secret), 3, 3600);

    expect(limitHeaders((await withKey(defaulted.secret)).headers)).toMatchObject({ limit: "100", remaining: "99" });
    // The owner's session is not the key.
    expect((await client.call(signedIn, "/api/v1/conversations")).status).toBe(200);
  });

  it("per user tier, over all of a user's API keys: free 120 a minute, pro 600", async () => {
    const free = await signedInClient("192.0.2.8");
    const pro = await signedInClient("192.0.2.9");
    await db().user.update({ where: { id: pro.userId }, data: { tier: "pro" } });
    // Two keys, each under its own hourly limit, so only the plan's limit can bind.
    const keysOf = async (userId: string, tier: "free" | "pro") =>
      Promise.all(
        ["a", "b"].map(async (name) => (await createApiKey({ owner: { userId, role: "user", tier }, input: { name, permissions: ["read"] } })).secret),
      );
    const [freeA, freeB] = await keysOf(free.userId, "free");
    const list = (secret: string) =>
      new TestClient("192.0.2.10").call<ErrorBody>(signedIn, "/api/v1/conversations", { headers: { authorization: `Bearer ${secret}` } });

    expect(new Set(await repeat(60, () => list(freeA!)))).toEqual(new Set([200]));
    expect(new Set(await repeat(60, () => list(freeB!)))).toEqual(new Set([200]));
    expectRefused(await list(freeA!), 120, 60);
    // The browser is not the API: the same user's pages keep working.
    expect((await free.client.call(signedIn, "/api/v1/conversations")).status).toBe(200);

    const [proA, proB] = await keysOf(pro.userId, "pro");
    expect(new Set(await repeat(61, () => list(proA!)))).toEqual(new Set([200]));
    expect(new Set(await repeat(61, () => list(proB!)))).toEqual(new Set([200]));
  });

  it("the browser app: its own generous budget per user, whatever the plan, across the user's devices", async () => {
    const { client } = await signedInClient("192.0.2.11");
    // The same session from a second address (a phone beside the laptop): each address stays under its own limit.
    const phone = new TestClient("192.0.2.12");
    for (const [name, value] of client.cookies) phone.cookies.set(name, value);
    const list = (device: TestClient) => () => device.call<ErrorBody>(signedIn, "/api/v1/conversations");
    expect(new Set(await repeat(300, list(client)))).toEqual(new Set([200]));
    expect(new Set(await repeat(300, list(phone)))).toEqual(new Set([200]));
    const refused = await list(phone)();
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain("from the app in your browser");
  });

  it("never limits a route declared exempt (the health probes), and limits nothing when turned off", async () => {
    const client = new TestClient("192.0.2.10");
    for (const path of ["/api/v1/health/live", "/api/v1/health", "/ready", "/live", "/health"]) {
      expect((await client.call(probe, path)).headers.get("x-ratelimit-limit"), path).toBeNull();
    }
    for (const handler of [healthHandler, readyHandler, liveHandler]) expect(handler.definition.limit).toBe("exempt");
    expect((await client.call(open, "/health")).headers.get("x-ratelimit-limit")).toBe("600");
    setRateLimitStore(null);
    expect((await client.call(open, "/api/v1/anything")).headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("lets requests through when the store fails", async () => {
    const broken: RateLimitStore = {
      kind: "redis",
      now: () => clock,
      limit: () => Promise.reject(new Error("ECONNREFUSED")),
    };
    setRateLimitStore(broken);
    const result = await new TestClient("192.0.2.11").call(open, "/api/v1/anything");
    expect(result.status).toBe(200);
    expect(result.headers.get("x-ratelimit-limit")).toBeNull();
  });
});
