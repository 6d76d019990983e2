import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signedInClient } from "@/lib/testing/chat";
import { GET as list } from "./route";

type Page = { items: { id: string; title: string }[]; nextCursor: string | null };

describe("GET /api/v1/conversations", () => {
  it("pages through my conversations newest first, without gaps or repeats, and never shows others'", async () => {
    const { client, userId } = await signedInClient();
    const { userId: otherId } = await signedInClient("198.51.100.3");
    const base = Date.parse("2026-01-01T00:00:00Z");
    // Five share one timestamp, so the id tiebreak is exercised too.
    for (let index = 0; index < 12; index += 1) {
      await db().conversation.create({
        data: { userId, title: `c${index}`, updatedAt: new Date(base + (index < 5 ? 0 : index) * 1000) },
      });
    }
    await db().conversation.create({ data: { userId: otherId, title: "not mine" } });

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
