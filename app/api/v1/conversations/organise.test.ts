import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signedInClient } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { DELETE as remove, GET as getOne, PATCH as patch } from "./[id]/route";
import { POST as restore } from "./[id]/restore/route";
import { DELETE as untag } from "./[id]/tags/[tag]/route";
import { POST as tag } from "./[id]/tags/route";
import { GET as list, POST as create } from "./route";
import { GET as listTags } from "./tags/route";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";

interface Summary {
  id: string;
  title: string;
  projectId: string | null;
  project: { id: string; name: string } | null;
  tags: string[];
  pinned: boolean;
  archived: boolean;
  updatedAt: string;
}
type One = { conversation: Summary };

async function setup() {
  const me = await signedInClient();
  const other = await signedInClient("198.51.100.4");
  const conversation = await db().conversation.create({
    data: await inPersonalWorkspace({ userId: me.userId, title: "Original", updatedAt: new Date("2026-02-01T00:00:00Z") }),
  });
  const project = await db().project.create({ data: await inPersonalWorkspace({ userId: me.userId, name: "Mine" }) });
  const othersProject = await db().project.create({ data: await inPersonalWorkspace({ userId: other.userId, name: "Theirs" }) });
  const othersConversation = await db().conversation.create({ data: await inPersonalWorkspace({ userId: other.userId, title: "Theirs" }) });
  return { me, other, conversation, project, othersProject, othersConversation };
}

const at = (id: string) => ({ params: { id } });

describe("POST /api/v1/conversations", () => {
  it("creates an empty conversation, optionally in my project, never in someone else's", async () => {
    const { me, project, othersProject } = await setup();
    const plain = await me.client.call<One>(create, "/api/v1/conversations", { body: {} });
    expect(plain.status).toBe(201);
    expect(plain.body.conversation).toMatchObject({ title: "New chat", projectId: null, pinned: false, tags: [] });
    const inProject = await me.client.call<One>(create, "/api/v1/conversations", {
      body: { title: "Plan", projectId: project.id },
    });
    expect(inProject.body.conversation).toMatchObject({ title: "Plan", project: { id: project.id, name: "Mine" } });
    expect((await me.client.call(create, "/api/v1/conversations", { body: { projectId: othersProject.id } })).status).toBe(404);
    expect((await me.client.call(create, "/api/v1/conversations", { body: { title: "" } })).status).toBe(422);
  });
});

describe("GET/PATCH /api/v1/conversations/:id", () => {
  it("renames, pins, archives and moves without changing the activity time", async () => {
    const { me, conversation, project } = await setup();
    const path = `/api/v1/conversations/${conversation.id}`;
    const renamed = await me.client.call<One>(patch, path, { method: "PATCH", body: { title: "  Renamed " }, ...at(conversation.id) });
    expect(renamed.status).toBe(200);
    expect(renamed.body.conversation.title).toBe("Renamed");

    const organised = await me.client.call<One>(patch, path, {
      method: "PATCH",
      body: { pinned: true, archived: true, projectId: project.id },
      ...at(conversation.id),
    });
    expect(organised.body.conversation).toMatchObject({ pinned: true, archived: true, projectId: project.id });
    expect(organised.body.conversation.updatedAt).toBe("2026-02-01T00:00:00.000Z");
    const stored = await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(stored.titleFinal).toBe(true);
    expect(stored.pinnedAt).not.toBeNull();

    const fetched = await me.client.call<One>(getOne, path, at(conversation.id));
    expect(fetched.body.conversation).toMatchObject({ title: "Renamed", pinned: true, archived: true });

    const undone = await me.client.call<One>(patch, path, {
      method: "PATCH",
      body: { pinned: false, archived: false, projectId: null },
      ...at(conversation.id),
    });
    expect(undone.body.conversation).toMatchObject({ pinned: false, archived: false, projectId: null, project: null });
  });

  it("replaces tags, normalising names and creating new ones once", async () => {
    const { me, conversation } = await setup();
    const path = `/api/v1/conversations/${conversation.id}`;
    const tagged = await me.client.call<One>(patch, path, { method: "PATCH", body: { tags: ["Work", " urgent ", "work"] }, ...at(conversation.id) });
    expect(tagged.status).toBe(200);
    expect(tagged.body.conversation.tags).toEqual(["urgent", "work"]);
    const replaced = await me.client.call<One>(patch, path, { method: "PATCH", body: { tags: ["work"] }, ...at(conversation.id) });
    expect(replaced.body.conversation.tags).toEqual(["work"]);
    expect(await db().tag.count({ where: { userId: me.userId } })).toBe(2);
  });

  it("refuses empty or invalid changes", async () => {
    const { me, conversation } = await setup();
    const path = `/api/v1/conversations/${conversation.id}`;
    const call = (body: unknown) => me.client.call(patch, path, { method: "PATCH", body, ...at(conversation.id) });
    expect((await call({})).status).toBe(422);
    expect((await call({ title: "   " })).status).toBe(422);
    expect((await call({ pinned: "yes" })).status).toBe(422);
    expect((await call({ tags: ["#bad"] })).status).toBe(422);
    expect((await call({ tags: Array.from({ length: 21 }, (_, index) => `t${index}`) })).status).toBe(422);
    expect((await me.client.call(patch, path, { method: "PATCH", rawBody: "{", ...at(conversation.id) })).status).toBe(400);
  });

  it("another user's conversation or project is a 404, and nothing changes", async () => {
    const { me, other, conversation, othersConversation, othersProject } = await setup();
    const theirs = `/api/v1/conversations/${othersConversation.id}`;
    expect((await me.client.call(getOne, theirs, at(othersConversation.id))).status).toBe(404);
    expect((await me.client.call(patch, theirs, { method: "PATCH", body: { title: "x" }, ...at(othersConversation.id) })).status).toBe(404);
    expect((await me.client.call(remove, theirs, { method: "DELETE", ...at(othersConversation.id) })).status).toBe(404);
    expect((await me.client.call(tag, `${theirs}/tags`, { body: { name: "x" }, ...at(othersConversation.id) })).status).toBe(404);
    const intoTheirProject = await me.client.call(patch, `/api/v1/conversations/${conversation.id}`, {
      method: "PATCH",
      body: { projectId: othersProject.id },
      ...at(conversation.id),
    });
    expect(intoTheirProject.status).toBe(404);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: othersConversation.id } })).title).toBe("Theirs");
    expect((await other.client.call(getOne, theirs, at(othersConversation.id))).status).toBe(200);
    expect((await me.client.call(getOne, "/api/v1/conversations/nope", at("nope"))).status).toBe(404);
  });

  it("anonymous callers get 401 before validation", async () => {
    const { conversation } = await setup();
    const anonymous = new TestClient();
    expect((await anonymous.call(patch, "/api/v1/conversations/x", { method: "PATCH", body: {}, ...at(conversation.id) })).status).toBe(401);
  });
});

describe("tags: add, remove, list with counts", () => {
  it("adds and removes one tag, and counts my live conversations per tag", async () => {
    const { me, other, conversation } = await setup();
    const second = await db().conversation.create({ data: await inPersonalWorkspace({ userId: me.userId, title: "Second" }) });
    const add = (id: string, name: string) => me.client.call<One>(tag, `/api/v1/conversations/${id}/tags`, { body: { name }, ...at(id) });
    expect((await add(conversation.id, "Alpha")).body.conversation.tags).toEqual(["alpha"]);
    expect((await add(conversation.id, "alpha")).body.conversation.tags).toEqual(["alpha"]);
    await add(conversation.id, "beta");
    await add(second.id, "alpha");
    await other.client.call(tag, `/api/v1/conversations/${second.id}/tags`, { body: { name: "spy" }, ...at(second.id) });

    const tags = await me.client.call<{ items: { name: string; count: number }[] }>(listTags, "/api/v1/conversations/tags");
    expect(tags.body.items).toEqual([
      { name: "alpha", count: 2 },
      { name: "beta", count: 1 },
    ]);

    const removed = await me.client.call<One>(untag, `/api/v1/conversations/${conversation.id}/tags/ALPHA`, {
      method: "DELETE",
      params: { id: conversation.id, tag: "ALPHA" },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.conversation.tags).toEqual(["beta"]);
    const missing = await me.client.call(untag, `/api/v1/conversations/${conversation.id}/tags/alpha`, {
      method: "DELETE",
      params: { id: conversation.id, tag: "alpha" },
    });
    expect(missing.status).toBe(404);

    // A deleted conversation's tags stop counting; tags nobody uses are not listed.
    await me.client.call(remove, `/api/v1/conversations/${second.id}`, { method: "DELETE", ...at(second.id) });
    const after = await me.client.call<{ items: { name: string; count: number }[] }>(listTags, "/api/v1/conversations/tags");
    expect(after.body.items).toEqual([{ name: "beta", count: 1 }]);
    const theirs = await other.client.call<{ items: unknown[] }>(listTags, "/api/v1/conversations/tags");
    expect(theirs.body.items).toEqual([]);
  });

  it("refuses a 21st tag", async () => {
    const { me, conversation } = await setup();
    await me.client.call(patch, `/api/v1/conversations/${conversation.id}`, {
      method: "PATCH",
      body: { tags: Array.from({ length: 20 }, (_, index) => `t${index}`) },
      ...at(conversation.id),
    });
    const extra = await me.client.call(tag, `/api/v1/conversations/${conversation.id}/tags`, { body: { name: "one-more" }, ...at(conversation.id) });
    expect(extra.status).toBe(422);
  });
});

describe("DELETE /api/v1/conversations/:id and restore", () => {
  it("hides a deleted conversation everywhere, restores it, and purges old deletions", async () => {
    const { me, conversation } = await setup();
    const path = `/api/v1/conversations/${conversation.id}`;
    const deleted = await me.client.call<{ id: string; deletedAt: string }>(remove, path, { method: "DELETE", ...at(conversation.id) });
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(conversation.id);
    expect((await me.client.call(getOne, path, at(conversation.id))).status).toBe(404);
    expect((await me.client.call(remove, path, { method: "DELETE", ...at(conversation.id) })).status).toBe(404);
    const listed = await me.client.call<{ items: Summary[] }>(list, "/api/v1/conversations");
    expect(listed.body.items.map((item) => item.id)).not.toContain(conversation.id);

    const restored = await me.client.call<One>(restore, `${path}/restore`, { method: "POST", ...at(conversation.id) });
    expect(restored.status).toBe(200);
    expect(restored.body.conversation.updatedAt).toBe("2026-02-01T00:00:00.000Z");
    expect((await me.client.call(getOne, path, at(conversation.id))).status).toBe(200);
    // Restoring a conversation that is not deleted is a 404 (nothing to undo).
    expect((await me.client.call(restore, `${path}/restore`, { method: "POST", ...at(conversation.id) })).status).toBe(404);

    const stale = await db().conversation.create({
      data: await inPersonalWorkspace({ userId: me.userId, title: "long gone", deletedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) }),
    });
    await me.client.call(remove, path, { method: "DELETE", ...at(conversation.id) });
    expect(await db().conversation.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await db().conversation.findUnique({ where: { id: conversation.id } })).not.toBeNull();
  });

  it("cannot restore another user's deleted conversation", async () => {
    const { me, other, othersConversation } = await setup();
    await other.client.call(remove, `/api/v1/conversations/${othersConversation.id}`, { method: "DELETE", ...at(othersConversation.id) });
    const attempt = await me.client.call(restore, `/api/v1/conversations/${othersConversation.id}/restore`, {
      method: "POST",
      ...at(othersConversation.id),
    });
    expect(attempt.status).toBe(404);
  });
});
