// What every route gets from the one wrapper, checked through real routes and a real database:
// strings that cannot be stored are refused, bodies are capped, cookie-authenticated changes
// must come from our own pages, and the dev outbox is for admins in production.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { signedInClient } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { POST as register } from "../auth/register/route";
import { POST as createConversation } from "../conversations/route";
import { POST as createApiKey } from "../api-keys/route";
import { GET as outbox } from "../dev/outbox/route";

type ErrorBody = { error: { code: string; message: string } };

const defaultOutboxReaders = env.DEV_OUTBOX;
afterEach(() => {
  env.DEV_OUTBOX = defaultOutboxReaders;
});

describe("strings PostgreSQL cannot store", () => {
  it("refuses NUL in an unauthenticated sign-up with 422 naming the field, and writes no row", async () => {
    const email = `nul-${Date.now()}@example.com`;
    const result = await new TestClient().call<ErrorBody>(register, "/api/v1/auth/register", {
      body: { email, password: "a long password", name: "Null\u0000Byte" },
    });
    expect(result.status).toBe(422);
    expect(result.body.error.message).toMatch(/^name: .*NUL/);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("refuses a lone surrogate in a conversation title, while emoji and Urdu are kept", async () => {
    const { client } = await signedInClient();
    const broken = await client.call<ErrorBody>(createConversation, "/api/v1/conversations", { body: { title: "half \uD83D emoji" } });
    expect(broken.status).toBe(422);
    const fine = await client.call<{ conversation: { title: string } }>(createConversation, "/api/v1/conversations", { body: { title: "سلام 👋" } });
    expect(fine.status).toBe(201);
    expect(fine.body.conversation.title).toBe("سلام 👋");
  });
});

describe("body size", () => {
  it("answers 413 for a JSON body over 1 MB", async () => {
    const { client } = await signedInClient();
    const result = await client.call<ErrorBody>(createConversation, "/api/v1/conversations", {
      rawBody: JSON.stringify({ title: "x".repeat(1024 * 1024) }),
    });
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe("payload_too_large");
  });
});

describe("cross-site requests", () => {
  const foreign = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

  it("refuses a state change a browser says came from another site, with the victim's cookie", async () => {
    const { client, userId } = await signedInClient();
    const result = await client.call<ErrorBody>(createConversation, "/api/v1/conversations", { body: { title: "forged" }, headers: foreign });
    expect(result.status).toBe(403);
    expect(await db().conversation.count({ where: { userId, title: "forged" } })).toBe(0);
    const own = await client.call(createConversation, "/api/v1/conversations", { body: { title: "mine" }, headers: { "sec-fetch-site": "same-origin" } });
    expect(own.status).toBe(201);
  });

  it("lets an API key call from anywhere: it is not an ambient credential", async () => {
    const { client } = await signedInClient();
    const created = await client.call<{ secret: string }>(createApiKey, "/api/v1/api-keys", { body: { name: "server", permissions: ["read", "write"] } });
    const withKey = new TestClient("192.0.2.77");
    const result = await withKey.call(createConversation, "/api/v1/conversations", {
      body: { title: "from a server" },
      headers: { ...foreign, authorization: `Bearer ${created.body.secret}` },
    });
    expect(result.status).toBe(201);
  });
});

describe("dev outbox in production", () => {
  it("is readable by admins only", async () => {
    env.DEV_OUTBOX = "admins";
    expect((await new TestClient().call(outbox, "/api/v1/dev/outbox")).status).toBe(404);
    const { client: user, userId: plainId } = await signedInClient();
    await db().user.update({ where: { id: plainId }, data: { role: "user" } });
    expect((await user.call(outbox, "/api/v1/dev/outbox")).status).toBe(404);
    const { client: admin, userId: adminId } = await signedInClient();
    await db().user.update({ where: { id: adminId }, data: { role: "admin" } });
    expect((await admin.call(outbox, "/api/v1/dev/outbox")).status).toBe(200);
  });
});
