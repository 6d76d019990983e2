import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as chat } from "@/app/api/v1/chat/route";
import { PATCH as patchConversation } from "@/app/api/v1/conversations/[id]/route";
import { db } from "@/lib/db";
import { settleAfterReply, signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { DELETE as remove, GET as getOne, PATCH as patch } from "./[id]/route";
import { GET as list, POST as create } from "./route";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";

interface Project {
  id: string;
  name: string;
  description: string | null;
  color: string | null;
  emoji: string | null;
  instructions: string | null;
  stats: { conversations: number; messages: number; tokens: number; computedAt: string };
}
type One = { project: Project };
type Page = { items: Project[]; nextCursor: string | null };

const at = (id: string) => ({ params: { id } });

describe("POST/GET/PATCH /api/v1/projects", () => {
  it("creates a project with its look and instructions, reads and edits it", async () => {
    const { client } = await signedInClient();
    const created = await client.call<One>(create, "/api/v1/projects", {
      body: { name: " Thesis ", description: "Chapter drafts", color: "#AA3300", emoji: "📚", instructions: "Cite sources." },
    });
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({
      name: "Thesis",
      description: "Chapter drafts",
      color: "#aa3300",
      emoji: "📚",
      instructions: "Cite sources.",
      stats: { conversations: 0, messages: 0, tokens: 0 },
    });
    const id = created.body.project.id;
    const edited = await client.call<One>(patch, `/api/v1/projects/${id}`, {
      method: "PATCH",
      body: { name: "Thesis 2", description: null, emoji: null, color: "#00ff00" },
      ...at(id),
    });
    expect(edited.body.project).toMatchObject({ name: "Thesis 2", description: null, emoji: null, color: "#00ff00" });
    expect((await client.call<One>(getOne, `/api/v1/projects/${id}`, at(id))).body.project.name).toBe("Thesis 2");
  });

  it("accepts null for the optional fields, as the form sends them", async () => {
    const { client } = await signedInClient();
    const created = await client.call<One>(create, "/api/v1/projects", {
      body: { name: "Bare", description: null, color: null, emoji: null, instructions: null },
    });
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({ description: null, color: null, emoji: null, instructions: null });
  });

  it("refuses bad fields", async () => {
    const { client } = await signedInClient();
    const bad = async (body: unknown) => (await client.call(create, "/api/v1/projects", { body })).status;
    expect(await bad({})).toBe(422);
    expect(await bad({ name: "   " })).toBe(422);
    expect(await bad({ name: "x", color: "red" })).toBe(422);
    expect(await bad({ name: "x", emoji: "abc" })).toBe(422);
    expect(await bad({ name: "x", instructions: "a".repeat(8001) })).toBe(422);
    const { body } = await client.call<One>(create, "/api/v1/projects", { body: { name: "ok" } });
    expect((await client.call(patch, "/x", { method: "PATCH", body: {}, ...at(body.project.id) })).status).toBe(422);
  });

  it("pages through my projects newest first and never lists others'", async () => {
    const { client, userId } = await signedInClient();
    const other = await signedInClient("198.51.100.5");
    const base = Date.parse("2026-01-01T00:00:00Z");
    for (let index = 0; index < 5; index += 1) {
      await db().project.create({ data: await inPersonalWorkspace({ userId, name: `p${index}`, createdAt: new Date(base + (index < 2 ? 0 : index) * 1000) }) });
    }
    await db().project.create({ data: await inPersonalWorkspace({ userId: other.userId, name: "theirs" }) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await client.call<Page>(list, `/api/v1/projects?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((project) => project.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 3)).toEqual(["p4", "p3", "p2"]);
    expect(seen.sort()).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    expect((await client.call(list, "/api/v1/projects?cursor=bad")).status).toBe(422);
  });

  it("another user's project is a 404 for get, edit and delete", async () => {
    const { client } = await signedInClient();
    const other = await signedInClient("198.51.100.6");
    const theirs = await db().project.create({ data: await inPersonalWorkspace({ userId: other.userId, name: "secret" }) });
    const path = `/api/v1/projects/${theirs.id}`;
    expect((await client.call(getOne, path, at(theirs.id))).status).toBe(404);
    expect((await client.call(patch, path, { method: "PATCH", body: { name: "x" }, ...at(theirs.id) })).status).toBe(404);
    expect((await client.call(remove, path, { method: "DELETE", ...at(theirs.id) })).status).toBe(404);
    expect((await db().project.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("secret");
    expect((await new TestClient().call(getOne, path, at(theirs.id))).status).toBe(401);
  });
});

describe("project stats", () => {
  it("counts conversations, messages and tokens, cached, and recounted after a move", async () => {
    const { client, userId } = await signedInClient();
    const { body } = await client.call<One>(create, "/api/v1/projects", { body: { name: "Stats" } });
    const id = body.project.id;
    const conversation = await db().conversation.create({ data: await inPersonalWorkspace({ userId, title: "c", projectId: id }) });
    await db().message.createMany({
      data: [
        { conversationId: conversation.id, role: "user", content: "q" },
        { conversationId: conversation.id, role: "assistant", content: "a" },
      ],
    });
    await db().usageEvent.create({
      data: { userId, conversationId: conversation.id, provider: "groq", model: "m", providerKeyId: "groq#1", promptTokens: 30, completionTokens: 12, latencyMs: 5, outcome: "success" },
    });
    // Creating rows directly does not invalidate: the stale cache (0s) must be cleared to see them.
    await db().project.update({ where: { id }, data: { statsAt: null } });
    const stats = (await client.call<One>(getOne, `/x`, at(id))).body.project.stats;
    expect(stats).toMatchObject({ conversations: 1, messages: 2, tokens: 42 });

    // Cached: a new message does not show until the cache expires or a move clears it…
    await db().message.create({ data: { conversationId: conversation.id, role: "user", content: "more" } });
    expect((await client.call<One>(getOne, `/x`, at(id))).body.project.stats.messages).toBe(2);
    // …and moving the conversation out clears it at once.
    await client.call(patchConversation, "/x", { method: "PATCH", body: { projectId: null }, ...at(conversation.id) });
    expect((await client.call<One>(getOne, `/x`, at(id))).body.project.stats).toMatchObject({ conversations: 0, messages: 0, tokens: 0 });
  });
});

describe("DELETE /api/v1/projects/:id", () => {
  async function projectWithConversations() {
    const { client, userId } = await signedInClient();
    const project = await db().project.create({ data: await inPersonalWorkspace({ userId, name: "doomed" }) });
    const updatedAt = new Date("2026-03-03T00:00:00Z");
    const conversations = await Promise.all(
      ["a", "b"].map(async (title) => db().conversation.create({ data: await inPersonalWorkspace({ userId, title, projectId: project.id, updatedAt }) })),
    );
    return { client, project, conversations, updatedAt };
  }

  it("moves the conversations out by default, keeping their activity time", async () => {
    const { client, project, conversations, updatedAt } = await projectWithConversations();
    const deleted = await client.call<{ affected: number }>(remove, `/api/v1/projects/${project.id}`, { method: "DELETE", ...at(project.id) });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ conversations: "move", affected: 2 });
    const rows = await db().conversation.findMany({ where: { id: { in: conversations.map((c) => c.id) } } });
    expect(rows.map((row) => [row.projectId, row.updatedAt.toISOString()])).toEqual([
      [null, updatedAt.toISOString()],
      [null, updatedAt.toISOString()],
    ]);
    expect(await db().project.findUnique({ where: { id: project.id } })).toBeNull();
  });

  it("deletes the conversations with it when asked", async () => {
    const { client, project, conversations } = await projectWithConversations();
    const deleted = await client.call(remove, `/api/v1/projects/${project.id}?conversations=delete`, { method: "DELETE", ...at(project.id) });
    expect(deleted.body).toMatchObject({ conversations: "delete", affected: 2 });
    expect(await db().conversation.count({ where: { id: { in: conversations.map((c) => c.id) } } })).toBe(0);
    expect((await client.call(remove, `/api/v1/projects/${project.id}?conversations=shred`, { method: "DELETE", ...at(project.id) })).status).toBe(422);
  });
});

describe("project instructions in chat", () => {
  let stubs: StubProviders;
  beforeAll(async () => {
    stubs = await startStubProviders();
  });
  afterAll(() => stubs.close());

  it("sends the project's instructions before the conversation's own system prompt", async () => {
    const { client } = await signedInClient();
    const { body } = await client.call<One>(create, "/api/v1/projects", { body: { name: "Pirates", instructions: "Speak like a pirate." } });
    const first = await client.call<string>(chat, "/api/v1/chat", {
      body: { action: "send", message: "hello", systemPrompt: "Be brief." },
    });
    const conversationId = first.headers.get("x-conversation-id")!;
    await client.call(patchConversation, "/x", { method: "PATCH", body: { projectId: body.project.id }, ...at(conversationId) });
    await settleAfterReply();
    stubs.primary.reset();
    await client.call<string>(chat, "/api/v1/chat", { body: { action: "send", conversationId, message: "again" } });

    const request = stubs.primary.requests.find((recorded) => recorded.path.includes("chat"));
    const messages = (request!.body as { messages: { role: string; content: string }[] }).messages;
    expect(messages[0]).toEqual({ role: "system", content: "Speak like a pirate.\n\nBe brief." });

    // Out of the project, only the conversation's own prompt is left.
    await client.call(patchConversation, "/x", { method: "PATCH", body: { projectId: null }, ...at(conversationId) });
    stubs.primary.reset();
    await client.call<string>(chat, "/api/v1/chat", { body: { action: "send", conversationId, message: "third" } });
    const after = (stubs.primary.requests.find((recorded) => recorded.path.includes("chat"))!.body as { messages: { role: string; content: string }[] }).messages;
    expect(after[0]).toEqual({ role: "system", content: "Be brief." });
  });
});
