import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signedInClient } from "@/lib/testing/chat";
import { GET as list } from "./route";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";

type Page = { items: { id: string; title: string }[]; nextCursor: string | null };

describe("GET /api/v1/conversations", () => {
  it("pages through my conversations newest first, without gaps or repeats, and never shows others'", async () => {
    const { client, userId } = await signedInClient();
    const { userId: otherId } = await signedInClient("198.51.100.3");
    const base = Date.parse("2026-01-01T00:00:00Z");
    // Five share one timestamp, so the id tiebreak is exercised too.
    for (let index = 0; index < 12; index += 1) {
      await db().conversation.create({
        data: await inPersonalWorkspace({ userId, title: `c${index}`, updatedAt: new Date(base + (index < 5 ? 0 : index) * 1000) }),
      });
    }
    await db().conversation.create({ data: await inPersonalWorkspace({ userId: otherId, title: "not mine" }) });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=5&cursor=${cursor}` : "?limit=5";
      const page: { status: number; body: Page } = await client.call<Page>(list, `/api/v1/conversations${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item) => item.title));
      cursor = page.body.nextCursor;
    } while (cursor);

    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen.slice(0, 7)).toEqual(["c11", "c10", "c9", "c8", "c7", "c6", "c5"]);
    expect(seen).not.toContain("not mine");
  });

  it("refuses a forged cursor and an oversized page", async () => {
    const { client } = await signedInClient();
    expect((await client.call(list, "/api/v1/conversations?cursor=bm9wZQ")).status).toBe(422);
    expect((await client.call(list, "/api/v1/conversations?limit=500")).status).toBe(422);
  });
});

type Summary = {
  id: string;
  title: string;
  projectId: string | null;
  tags: string[];
  pinned: boolean;
  archived: boolean;
  updatedAt: string;
};

describe("conversation filters: project, tag, pinned, archived", () => {
  it("lists by each filter and leaves archived and deleted ones out by default", async () => {
    const { client, userId } = await signedInClient();
    const project = await db().project.create({ data: await inPersonalWorkspace({ userId, name: "P" }) });
    const tag = await db().tag.create({ data: { userId, name: "red" } });
    const make = async (title: string, data: Record<string, unknown> = {}) => db().conversation.create({ data: await inPersonalWorkspace({ userId, title, ...data }) });
    await make("plain");
    await make("in project", { projectId: project.id });
    await make("pinned", { pinnedAt: new Date() });
    await make("archived", { archivedAt: new Date() });
    await make("deleted", { deletedAt: new Date() });
    const tagged = await make("tagged");
    await db().conversationTag.create({ data: { conversationId: tagged.id, tagId: tag.id } });

    const titles = async (query: string) => {
      const page = await client.call<{ items: Summary[] }>(list, `/api/v1/conversations${query}`);
      expect(page.status).toBe(200);
      return page.body.items.map((item) => item.title).sort();
    };
    expect(await titles("")).toEqual(["in project", "pinned", "plain", "tagged"]);
    expect(await titles(`?projectId=${project.id}`)).toEqual(["in project"]);
    expect(await titles("?projectId=none")).toEqual(["pinned", "plain", "tagged"]);
    expect(await titles("?tag=RED")).toEqual(["tagged"]);
    expect(await titles("?pinned=true")).toEqual(["pinned"]);
    expect(await titles("?pinned=false&projectId=none")).toEqual(["plain", "tagged"]);
    expect(await titles("?archived=true")).toEqual(["archived"]);
    expect((await client.call(list, "/api/v1/conversations?pinned=yes")).status).toBe(422);
  });

  it("an empty list has no cursor, and a page exactly full has none either", async () => {
    const { client, userId } = await signedInClient();
    const empty = await client.call<Page>(list, "/api/v1/conversations");
    expect(empty.body).toEqual({ items: [], nextCursor: null });
    for (let index = 0; index < 3; index += 1) await db().conversation.create({ data: await inPersonalWorkspace({ userId, title: `c${index}` }) });
    const exact = await client.call<Page>(list, "/api/v1/conversations?limit=3");
    expect(exact.body.items).toHaveLength(3);
    expect(exact.body.nextCursor).toBeNull();
    const short = await client.call<Page>(list, "/api/v1/conversations?limit=2");
    const rest = await client.call<Page>(list, `/api/v1/conversations?limit=2&cursor=${short.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("anonymous callers get 401", async () => {
    const { TestClient } = await import("@/lib/testing/http");
    expect((await new TestClient().call(list, "/api/v1/conversations")).status).toBe(401);
  });
});
