import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TestClient } from "@/lib/testing/http";
import { signedInClient } from "@/lib/testing/chat";
import { RANKED_MAX_MATCHES } from "@/lib/search/service";
import { GET as search } from "./route";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";

interface Part {
  text: string;
  highlight: boolean;
}
interface Result {
  conversationId: string;
  title: string;
  titleSnippet: Part[];
  match: "message" | "title" | "filter";
  messageId: string | null;
  role: string | null;
  snippet: Part[];
  tags: string[];
  project: { id: string; name: string } | null;
  archived: boolean;
}
interface Page {
  items: Result[];
  nextCursor: string | null;
}

let client: TestClient;
let userId: string;
const ids: Record<string, string> = {};

async function conversation(key: string, title: string, messages: [role: "user" | "assistant", content: string, at?: string][], extra = {}) {
  const created = await db().conversation.create({ data: await inPersonalWorkspace({ userId, title, ...extra }) });
  ids[key] = created.id;
  let parentId: string | null = null;
  for (const [role, content, at] of messages) {
    const message: { id: string } = await db().message.create({
      data: { conversationId: created.id, parentId, role, content, modelId: role === "assistant" ? "llama-3.3-70b" : null, ...(at ? { createdAt: new Date(at) } : {}) },
    });
    parentId = message.id;
  }
  return created.id;
}

const find = async (q: string, extra = "") => {
  const response = await client.call<Page>(search, `/api/v1/conversations/search?q=${encodeURIComponent(q)}${extra}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};
const titles = (page: Page) => page.items.map((item) => item.title).sort();
const marked = (parts: Part[]) => parts.filter((part) => part.highlight).map((part) => part.text.toLowerCase());

beforeAll(async () => {
  ({ client, userId } = await signedInClient());
  const work = await db().project.create({ data: await inPersonalWorkspace({ userId, name: "Work Stuff" }) });
  const tag = await db().tag.create({ data: { userId, name: "ml" } });
  await conversation("ml", "Gradient descent notes", [
    ["user", "How does machine learning training work?", "2026-03-01T10:00:00Z"],
    ["assistant", "Training a machine learning model means minimising a loss with gradient descent.", "2026-03-01T10:00:05Z"],
  ], { projectId: work.id });
  await db().conversationTag.create({ data: { conversationId: ids.ml!, tagId: tag.id } });
  await conversation("learning", "Learning the guitar", [
    ["user", "What is the best way to practise chords? Learning machines are not involved.", "2026-04-10T09:00:00Z"],
    ["assistant", "Practise slowly, every day.", "2026-04-10T09:00:03Z"],
  ]);
  await conversation("recipes", "Weeknight recipes", [
    ["user", "Give me a quick pasta recipe with tomatoes", "2026-05-02T18:00:00Z"],
    ["assistant", "Boil the pasta; simmer tomatoes with garlic; or try a risotto instead.", "2026-05-02T18:00:04Z"],
  ]);
  await conversation("urdu", "اردو گفتگو", [
    ["user", "مجھے پاکستان کی تاریخ کے بارے میں بتائیں", "2026-05-03T12:00:00Z"],
    ["assistant", "پاکستان چودہ اگست انیس سو سینتالیس کو بنا", "2026-05-03T12:00:04Z"],
  ]);
  await conversation("kubernetes", "Kubernetes deployment checklist", [
    ["user", "What should I check before shipping?", "2026-05-04T08:00:00Z"],
    ["assistant", "Readiness probes, resource limits and a rollback plan.", "2026-05-04T08:00:03Z"],
  ]);
  await conversation("archived", "Old Italian thread", [["user", "pasta carbonara without cream", "2026-01-05T08:00:00Z"]], {
    archivedAt: new Date(),
  });
  await conversation("deleted", "Deleted thread", [["user", "pasta al forno", "2026-01-06T08:00:00Z"]], {
    deletedAt: new Date(),
  });
});

describe("GET /api/v1/conversations/search", () => {
  it("stems English words, ranks, and highlights the matched words in the snippet", async () => {
    const page = await find("trains");
    expect(titles(page)).toEqual(["Gradient descent notes"]);
    const [hit] = page.items;
    expect(hit!.match).toBe("message");
    expect(hit!.messageId).not.toBeNull();
    expect(marked(hit!.snippet).join(" ")).toMatch(/train/);
    expect(hit!.snippet.map((part) => part.text).join("")).not.toMatch(/[\uE000\uE001]/);
  });

  it('matches a "quoted phrase" only as a phrase', async () => {
    // Both conversations hold "machine" and "learning", but only one has them side by side.
    expect(titles(await find("machine learning"))).toEqual(["Gradient descent notes", "Learning the guitar"]);
    expect(titles(await find('"machine learning"'))).toEqual(["Gradient descent notes"]);
  });

  it("excludes words with -, and OR widens", async () => {
    expect(titles(await find("pasta"))).toEqual(["Old Italian thread", "Weeknight recipes"]);
    expect(titles(await find("pasta -carbonara"))).toEqual(["Weeknight recipes"]);
    expect(titles(await find("risotto OR chords"))).toEqual(["Learning the guitar", "Weeknight recipes"]);
  });

  it("searches Urdu text with the simple configuration", async () => {
    const page = await find("پاکستان");
    expect(titles(page)).toEqual(["اردو گفتگو"]);
    expect(marked(page.items[0]!.snippet)).toContain("پاکستان");
  });

  it("a conversation that matches only on its title still gets a snippet (its opening)", async () => {
    const page = await find("kubernetes");
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.match).toBe("title");
    expect(marked(page.items[0]!.titleSnippet)).toEqual(["kubernetes"]);
    expect(page.items[0]!.snippet.map((part) => part.text).join("")).toContain("What should I check before shipping?");
  });

  it("finds titles fuzzily (trigrams) from three characters, with typos", async () => {
    const page = await find("kubernets");
    expect(titles(page)).toEqual(["Kubernetes deployment checklist"]);
    expect((await find("ku")).items).toEqual([]);
  });

  it("applies tag:, project:, model:, before: and after: operators", async () => {
    expect(titles(await find("tag:ml learning"))).toEqual(["Gradient descent notes"]);
    expect(titles(await find('project:"work stuff" learning'))).toEqual(["Gradient descent notes"]);
    expect(titles(await find("project:none learning"))).toEqual(["Learning the guitar"]);
    expect((await find("project:nonexistent learning")).items).toEqual([]);
    expect(titles(await find("model:llama practise"))).toEqual(["Learning the guitar"]);
    expect((await find("model:gpt-5 practise")).items).toEqual([]);
    expect(titles(await find("learning after:2026-04-01"))).toEqual(["Learning the guitar"]);
    expect(titles(await find("learning before:2026-04-01"))).toEqual(["Gradient descent notes"]);
    // Operators alone list the matching conversations.
    const tagged = await find("tag:ml");
    expect(tagged.items.map((item) => [item.title, item.match])).toEqual([["Gradient descent notes", "filter"]]);
    expect(tagged.items[0]!.tags).toEqual(["ml"]);
    expect(tagged.items[0]!.project?.name).toBe("Work Stuff");
  });

  it("filters by role and date range parameters", async () => {
    const byUser = await find("pasta", "&role=user");
    expect(byUser.items.every((item) => item.role === "user")).toBe(true);
    expect(titles(byUser)).toEqual(["Old Italian thread", "Weeknight recipes"]);
    expect(titles(await find("pasta", "&role=assistant"))).toEqual(["Weeknight recipes"]);
    expect(titles(await find("pasta", "&from=2026-05-01&to=2026-05-02"))).toEqual(["Weeknight recipes"]);
    expect((await find("pasta", "&from=2026-05-03")).items).toEqual([]);
  });

  it("includes archived conversations (marked) and never deleted ones", async () => {
    const page = await find("pasta");
    expect(page.items.find((item) => item.title === "Old Italian thread")?.archived).toBe(true);
    expect(titles(page)).not.toContain("Deleted thread");
  });

  it("pages through ranked results without gaps or repeats", async () => {
    for (let index = 0; index < 7; index += 1) {
      await conversation(`page${index}`, `Zebra ${index}`, [["user", `zebra stripes ${"zebra ".repeat(index)}`]]);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await find("zebra", `&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.conversationId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("common words (over RANKED_MAX_MATCHES messages) list the newest matching conversations first, paginated", async () => {
    const { client: busy, userId: busyId } = await signedInClient("198.51.100.12");
    const base = Date.parse("2026-06-01T00:00:00Z");
    const perConversation = Math.ceil((RANKED_MAX_MATCHES + 1) / 3);
    for (let index = 0; index < 3; index += 1) {
      const created = await db().conversation.create({
        data: await inPersonalWorkspace({
          userId: busyId,
          title: `Busy ${index}`,
          createdAt: new Date(base + index * 60_000 - 30_000),
          updatedAt: new Date(base + index * 60_000),
        }),
      });
      await db().message.createMany({
        data: Array.from({ length: perConversation }, (_, n) => ({
          conversationId: created.id,
          createdAt: new Date(base + index * 60_000 - 20_000),
          role: "user" as const,
          content: n === 7 ? "lorem lorem lorem ipsum, the best one" : `lorem number ${n}`,
        })),
      });
    }
    await db().conversation.create({ data: await inPersonalWorkspace({ userId: busyId, title: "Lorem in the title only", updatedAt: new Date(base - 60_000) }) });
    await db().conversation.create({ data: await inPersonalWorkspace({ userId: busyId, title: "Unrelated", updatedAt: new Date(base + 10 * 60_000) }) });

    const seen: Result[] = [];
    let cursor: string | null = null;
    do {
      const response: { status: number; body: Page } = await busy.call<Page>(
        search,
        `/api/v1/conversations/search?q=lorem&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(response.status).toBe(200);
      seen.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen.map((item) => item.title)).toEqual(["Busy 2", "Busy 1", "Busy 0", "Lorem in the title only"]);
    expect(seen[0]!.match).toBe("message");
    // Each conversation shows its best-ranked message, highlighted.
    expect(seen[0]!.snippet.map((part) => part.text).join("")).toContain("the best one");
    expect(marked(seen[0]!.snippet)).toContain("lorem");
    expect(seen[3]!.match).toBe("title");

    // Date operators: only Busy 0's messages are from before June; the title match is from May.
    const early = await busy.call<Page>(search, `/api/v1/conversations/search?q=${encodeURIComponent("lorem before:2026-06-01")}`);
    expect(early.body.items.map((item) => item.title)).toEqual(["Busy 0", "Lorem in the title only"]);
    const inJune = await busy.call<Page>(search, `/api/v1/conversations/search?q=${encodeURIComponent("lorem after:2026-06-01")}&to=2026-06-01`);
    expect(inJune.body.items.map((item) => item.title)).toEqual(["Busy 2", "Busy 1"]);
  });

  it("never returns another user's conversations", async () => {
    const other = await signedInClient("198.51.100.9");
    const response = await other.client.call<Page>(search, "/api/v1/conversations/search?q=pasta");
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
    const byProject = await other.client.call<Page>(search, `/api/v1/conversations/search?q=learning&projectId=${ids.ml}`);
    expect(byProject.body.items).toEqual([]);
  });

  it("refuses bad input and anonymous callers", async () => {
    expect((await client.call(search, "/api/v1/conversations/search?q=x&cursor=bm9wZQ")).status).toBe(422);
    expect((await client.call(search, "/api/v1/conversations/search?q=after:yesterday")).status).toBe(422);
    expect((await client.call(search, "/api/v1/conversations/search?q=x&limit=51")).status).toBe(422);
    expect((await client.call(search, "/api/v1/conversations/search?q=x&role=robot")).status).toBe(422);
    const anonymous = new (client.constructor as typeof TestClient)();
    expect((await anonymous.call(search, "/api/v1/conversations/search?q=pasta")).status).toBe(401);
  });

  it("treats stop words and symbols as no match rather than an error", async () => {
    // "the" is an English stop word: no message matches, only a title holding the word (fuzzily).
    expect((await find("the")).items.map((item) => [item.title, item.match])).toEqual([["Learning the guitar", "title"]]);
    expect((await find("& | ! ( ) :*")).items).toEqual([]);
  });
});
