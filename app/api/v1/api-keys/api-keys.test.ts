import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ErrorBody } from "@/lib/errors";
import { signedInClient } from "@/lib/testing/chat";
import { TestClient, type CallOptions } from "@/lib/testing/http";
import { GET as getConversation, PATCH as patchConversation } from "../chat/[id]/route";
import { GET as listConversations } from "../conversations/route";
import { GET as providerHealth } from "../health/providers/route";
import { GET as getKey, DELETE as revokeKey, PUT as updateKey } from "./[id]/route";
import { POST as rotateKey } from "./[id]/rotate/route";
import { GET as keyUsage } from "./[id]/usage/route";
import { GET as listKeys, POST as createKey } from "./route";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";

interface KeyView {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  status: string;
  rateLimitPerHour: number;
  customRateLimit: boolean;
  usageCount: number;
  lastUsedAt: string | null;
  previousSecretExpiresAt: string | null;
}
interface Created {
  apiKey: KeyView;
  secret: string;
}

// The first user of each test database becomes the admin.
let adminClient: ReturnType<typeof signedInClient> | undefined;
const admin = () => (adminClient ??= signedInClient("198.51.100.1"));

async function create(client: TestClient, body: Record<string, unknown>) {
  const result = await client.call<Created>(createKey, "/api/v1/api-keys", { body });
  expect(result.status).toBe(201);
  return result.body;
}

/** A client that sends only the Bearer key, no cookies. */
function withKey(secret: string) {
  const client = new TestClient();
  return {
    call: <T = Record<string, unknown>>(
      handler: (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>,
      path: string,
      options: CallOptions = {},
    ) => client.call<T>(handler, path, { ...options, headers: { authorization: `Bearer ${secret}`, ...options.headers } }),
  };
}

async function conversationOf(userId: string) {
  return db().conversation.create({ data: await inPersonalWorkspace({ userId, title: "t" }) });
}

describe("API keys", () => {
  it("creates a key whose secret is shown once, stored only as a hash, and lists it without the secret", async () => {
    await admin();
    const { client, userId } = await signedInClient();
    const created = await create(client, { name: "CI", permissions: ["read"] });
    expect(created.secret).toMatch(/^bc_[A-Za-z0-9_-]{32}$/);
    expect(created.apiKey).toMatchObject({
      name: "CI",
      prefix: created.secret.slice(0, 11),
      permissions: ["read"],
      status: "active",
      rateLimitPerHour: 100,
      customRateLimit: false,
      usageCount: 0,
    });

    // The hash columns stay out of every query that does not ask for them.
    expect(await db().apiKey.findFirstOrThrow({ where: { userId } })).not.toHaveProperty("keyHash");
    const row = await db().apiKey.findFirstOrThrow({ where: { userId }, omit: { keyHash: false } });
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.secret);

    const list = await client.call<{ items: KeyView[] }>(listKeys, "/api/v1/api-keys");
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toEqual([created.apiKey.id]);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(JSON.stringify(list.body)).not.toContain(row.keyHash);
  });

  it("authenticates /api/v1 routes with a Bearer key, counts its use, and enforces read vs write", async () => {
    const { client, userId } = await signedInClient();
    const conversation = await conversationOf(userId);
    const reader = await create(client, { name: "reader", permissions: ["read"] });
    const writer = await create(client, { name: "writer", permissions: ["write"] });

    const listed = await withKey(reader.secret).call(listConversations, "/api/v1/conversations");
    expect(listed.status).toBe(200);
    const params = { id: conversation.id };
    const read = await withKey(reader.secret).call(getConversation, `/api/v1/chat/${conversation.id}`, { params });
    expect(read.status).toBe(200);

    const refused = await withKey(reader.secret).call<ErrorBody>(patchConversation, `/api/v1/chat/${conversation.id}`, {
      method: "PATCH",
      body: { temperature: 0.5 },
      params,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: "forbidden", message: "This API key lacks the write permission." });

    const written = await withKey(writer.secret).call(patchConversation, `/api/v1/chat/${conversation.id}`, {
      method: "PATCH",
      body: { temperature: 0.5 },
      params,
    });
    expect(written.status).toBe(200);
    // write implies read
    expect((await withKey(writer.secret).call(listConversations, "/api/v1/conversations")).status).toBe(200);

    const view = await client.call<{ apiKey: KeyView }>(getKey, `/api/v1/api-keys/${reader.apiKey.id}`, { params: { id: reader.apiKey.id } });
    expect(view.body.apiKey.usageCount).toBe(3);
    expect(view.body.apiKey.lastUsedAt).not.toBeNull();
  });

  it("never lets a key manage keys, even a key with every permission", async () => {
    const { client } = await admin();
    const key = await create(client, { name: "all", permissions: ["read", "write", "admin"] });
    const result = await withKey(key.secret).call<ErrorBody>(createKey, "/api/v1/api-keys", { body: { name: "escalate" } });
    expect(result.status).toBe(403);
    expect((await withKey(key.secret).call(listKeys, "/api/v1/api-keys")).status).toBe(403);
  });

  it("reaches admin routes only with the admin permission and an owner who is still an admin", async () => {
    const { client, userId } = await admin();
    const adminKey = await create(client, { name: "ops", permissions: ["admin"] });
    const writeKey = await create(client, { name: "app", permissions: ["read", "write"] });
    expect(adminKey.apiKey.permissions).toEqual(["admin"]);

    expect((await withKey(adminKey.secret).call(providerHealth, "/api/v1/health/providers")).status).toBe(200);
    expect((await withKey(writeKey.secret).call(providerHealth, "/api/v1/health/providers")).status).toBe(403);

    const user = await signedInClient();
    const refused = await user.client.call<ErrorBody>(createKey, "/api/v1/api-keys", { body: { name: "x", permissions: ["admin"] } });
    expect(refused.status).toBe(403);

    await db().user.update({ where: { id: userId }, data: { role: "user" } });
    try {
      expect((await withKey(adminKey.secret).call(providerHealth, "/api/v1/health/providers")).status).toBe(403);
    } finally {
      await db().user.update({ where: { id: userId }, data: { role: "admin" } });
    }
  });

  it("answers unknown, malformed, revoked and expired keys with the same 401", async () => {
    const { client } = await signedInClient();
    const revoked = await create(client, { name: "revoked" });
    const expiring = await create(client, { name: "expiring", expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await withKey(expiring.secret).call(listConversations, "/api/v1/conversations")).status).toBe(200);

    const revokedResult = await client.call<{ apiKey: KeyView }>(revokeKey, `/api/v1/api-keys/${revoked.apiKey.id}`, {
      method: "DELETE",
      params: { id: revoked.apiKey.id },
    });
    expect(revokedResult.body.apiKey.status).toBe("revoked");
    await db().apiKey.update({ where: { id: expiring.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const candidates = [
      revoked.secret,
      expiring.secret,
      `bc_${"A".repeat(32)}`,
      "bc_short",
      "not-a-key",
      revoked.secret.slice(0, -1) + (revoked.secret.endsWith("A") ? "B" : "A"),
    ];
    const answers = await Promise.all(
      candidates.map((secret) => withKey(secret).call<ErrorBody>(listConversations, "/api/v1/conversations")),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: "invalid_api_key", message: "The API key is invalid, expired or revoked." } });
    }
    const listed = await client.call<{ items: KeyView[] }>(listKeys, "/api/v1/api-keys");
    expect(Object.fromEntries(listed.body.items.map((item) => [item.name, item.status]))).toEqual({
      revoked: "revoked",
      expiring: "expired",
    });
  });

  it("keeps the old secret working through the rotation grace period, and revocation ends both at once", async () => {
    const { client } = await signedInClient();
    const original = await create(client, { name: "rotating" });
    const params = { id: original.apiKey.id };
    const rotated = await client.call<Created>(rotateKey, `/api/v1/api-keys/${params.id}/rotate`, {
      body: { gracePeriodSeconds: 3600 },
      params,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(original.secret);
    expect(rotated.body.apiKey.id).toBe(original.apiKey.id);
    expect(rotated.body.apiKey.prefix).toBe(rotated.body.secret.slice(0, 11));
    const graceEnds = Date.parse(rotated.body.apiKey.previousSecretExpiresAt!);
    expect(graceEnds - Date.now()).toBeGreaterThan(3590_000);
    expect(graceEnds - Date.now()).toBeLessThanOrEqual(3600_000);

    const status = async (secret: string) => (await withKey(secret).call(listConversations, "/api/v1/conversations")).status;
    expect(await status(original.secret)).toBe(200);
    expect(await status(rotated.body.secret)).toBe(200);

    // The grace period ends: only the new secret works.
    await db().apiKey.update({ where: { id: params.id }, data: { previousKeyExpiresAt: new Date(Date.now() - 1) } });
    expect(await status(original.secret)).toBe(401);
    expect(await status(rotated.body.secret)).toBe(200);

    // Rotating with no body uses the 24 h default; then revocation ends both secrets at once.
    const again = await client.call<Created>(rotateKey, `/api/v1/api-keys/${params.id}/rotate`, { method: "POST", params });
    const defaultGrace = Date.parse(again.body.apiKey.previousSecretExpiresAt!) - Date.now();
    expect(defaultGrace).toBeGreaterThan(24 * 3600_000 - 10_000);
    expect(await status(rotated.body.secret)).toBe(200);
    expect(await status(again.body.secret)).toBe(200);
    await client.call(revokeKey, `/api/v1/api-keys/${params.id}`, { method: "DELETE", params });
    expect(await status(rotated.body.secret)).toBe(401);
    expect(await status(again.body.secret)).toBe(401);

    const afterRevoke = await client.call<ErrorBody>(rotateKey, `/api/v1/api-keys/${params.id}/rotate`, { method: "POST", params });
    expect(afterRevoke.status).toBe(409);
  });

  it("ends the old secret at once when rotated with a zero grace period", async () => {
    const { client } = await signedInClient();
    const original = await create(client, { name: "now" });
    const params = { id: original.apiKey.id };
    const rotated = await client.call<Created>(rotateKey, `/api/v1/api-keys/${params.id}/rotate`, {
      body: { gracePeriodSeconds: 0 },
      params,
    });
    expect(rotated.body.apiKey.previousSecretExpiresAt).toBeNull();
    expect((await withKey(original.secret).call(listConversations, "/api/v1/conversations")).status).toBe(401);
    expect((await withKey(rotated.body.secret).call(listConversations, "/api/v1/conversations")).status).toBe(200);
  });

  it("updates name, permissions, expiry and limit, within the plan's ceiling", async () => {
    const { client } = await signedInClient();
    const key = await create(client, { name: "old" });
    const params = { id: key.apiKey.id };
    const updated = await client.call<{ apiKey: KeyView }>(updateKey, `/api/v1/api-keys/${params.id}`, {
      method: "PUT",
      body: { name: "new", permissions: ["read"], rateLimitPerHour: 50 },
      params,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.apiKey).toMatchObject({ name: "new", permissions: ["read"], rateLimitPerHour: 50, customRateLimit: true });

    const bad = [
      { rateLimitPerHour: 101 },
      { expiresAt: new Date(Date.now() - 1000).toISOString() },
      { permissions: [] },
      { name: "" },
      {},
    ];
    for (const body of bad) {
      const result = await client.call<ErrorBody>(updateKey, `/api/v1/api-keys/${params.id}`, { method: "PUT", body, params });
      expect(result.status, JSON.stringify(body)).toBe(422);
    }
    const cleared = await client.call<{ apiKey: KeyView }>(updateKey, `/api/v1/api-keys/${params.id}`, {
      method: "PUT",
      body: { rateLimitPerHour: null },
      params,
    });
    expect(cleared.body.apiKey).toMatchObject({ rateLimitPerHour: 100, customRateLimit: false });
  });

  it("keeps other people's keys a 404 for every operation", async () => {
    const owner = await signedInClient();
    const other = await signedInClient();
    const key = await create(owner.client, { name: "mine" });
    const params = { id: key.apiKey.id };
    const path = `/api/v1/api-keys/${params.id}`;
    const results = await Promise.all([
      other.client.call(getKey, path, { params }),
      other.client.call(updateKey, path, { method: "PUT", body: { name: "stolen" }, params }),
      other.client.call(revokeKey, path, { method: "DELETE", params }),
      other.client.call(rotateKey, `${path}/rotate`, { method: "POST", params }),
      other.client.call(keyUsage, `${path}/usage`, { params }),
    ]);
    expect(results.map((result) => result.status)).toEqual([404, 404, 404, 404, 404]);
    expect((await other.client.call<{ items: unknown[] }>(listKeys, "/api/v1/api-keys")).body.items).toEqual([]);
    expect((await withKey(key.secret).call(listConversations, "/api/v1/conversations")).status).toBe(200);
  });

  it("reports per-day usage from the ledger, every day listed", async () => {
    const { client, userId } = await signedInClient();
    const key = await create(client, { name: "usage" });
    const now = new Date();
    const yesterday = new Date(now.getTime() - 86_400_000);
    const event = { userId, apiKeyId: key.apiKey.id, provider: "groq", model: "m", providerKeyId: "groq#1", latencyMs: 5, outcome: "success" as const };
    await db().usageEvent.createMany({
      data: [
        { ...event, promptTokens: 10, completionTokens: 20, costMicroUsd: 3, createdAt: now },
        { ...event, promptTokens: 1, completionTokens: 2, costMicroUsd: 1, createdAt: now },
        { ...event, promptTokens: 5, completionTokens: 5, costMicroUsd: 0, createdAt: yesterday },
        { ...event, apiKeyId: null, promptTokens: 99, createdAt: now },
      ],
    });
    const params = { id: key.apiKey.id };
    const usage = await client.call<{ days: { date: string; calls: number; promptTokens: number; completionTokens: number }[] }>(
      keyUsage,
      `/api/v1/api-keys/${params.id}/usage?days=3`,
      { params },
    );
    expect(usage.status).toBe(200);
    expect(usage.body.days).toHaveLength(3);
    expect(usage.body.days.at(-1)).toMatchObject({ date: now.toISOString().slice(0, 10), calls: 2, promptTokens: 11, completionTokens: 22 });
    expect(usage.body.days.at(-2)).toMatchObject({ date: yesterday.toISOString().slice(0, 10), calls: 1, promptTokens: 5 });
    expect(usage.body.days[0]).toMatchObject({ calls: 0 });
    expect((await client.call(keyUsage, `/api/v1/api-keys/${params.id}/usage?days=365`, { params })).status).toBe(422);
  });

  it("pages through keys newest first", async () => {
    const { client } = await signedInClient();
    for (let index = 0; index < 5; index += 1) await create(client, { name: `k${index}` });
    const first = await client.call<{ items: KeyView[]; nextCursor: string }>(listKeys, "/api/v1/api-keys?limit=3");
    const second = await client.call<{ items: KeyView[]; nextCursor: string | null }>(
      listKeys,
      `/api/v1/api-keys?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((item) => item.name)).toEqual(["k4", "k3", "k2", "k1", "k0"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("needs a session: anonymous callers get 401", async () => {
    const result = await new TestClient().call<ErrorBody>(createKey, "/api/v1/api-keys", { body: { name: "x" } });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe("unauthorized");
  });
});
