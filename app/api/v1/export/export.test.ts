import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setJobExecutor } from "@/lib/jobs/dispatch";
import { createLocalExecutor, type LocalExecutor } from "@/lib/jobs/executor";
import { pruneExpiredExports } from "@/lib/export/service";
import { signedInClient } from "@/lib/testing/chat";
import type { TestClient } from "@/lib/testing/http";
import { useTemporaryStorage } from "@/lib/testing/media";
import { readPdf } from "@/lib/testing/pdf-text";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";
import { GET as getJob } from "../jobs/[id]/route";
import { GET as download } from "./[id]/file/route";
import { POST as exportRoute } from "./route";

type Job = { status: string; progress: number; error: string | null; output: { conversations: number; downloadUrl: string; name: string; expiresAt: string } | null };

let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let executor: LocalExecutor;
beforeAll(async () => {
  storage = await useTemporaryStorage();
  executor = createLocalExecutor({ functions: async () => (await import("@/inngest")).functions, concurrency: 1, retryBaseMs: 5, retryMaxMs: 20 });
  setJobExecutor(executor);
});
afterAll(async () => {
  executor.stop();
  await storage.cleanup();
});

/**
 * A conversation with a regenerated reply: the first reply (model-old) is on an older branch,
 * the active one (model-new) on screen.
 */
async function seedConversation(data: { userId: string; workspaceId?: string; projectId?: string; title: string }) {
  const row = data.workspaceId ? { ...data, workspaceId: data.workspaceId } : await inPersonalWorkspace(data);
  const conversation = await db().conversation.create({ data: row });
  const at = (second: number) => new Date(Date.UTC(2026, 10, 30, 8, 0, second));
  const question = await db().message.create({ data: { conversationId: conversation.id, role: "user", content: `Explain ${data.title}`, createdAt: at(1) } });
  await db().message.create({
    data: { conversationId: conversation.id, parentId: question.id, role: "assistant", content: "Old answer", modelId: "model-old", createdAt: at(2) },
  });
  const reply = await db().message.create({
    data: {
      conversationId: conversation.id,
      parentId: question.id,
      role: "assistant",
      content: "New answer:\n\n```ts\nconst answer = 42;\n```\n\nمرحبا · नमस्ते",
      modelId: "model-new",
      createdAt: at(3),
    },
  });
  await db().conversation.update({ where: { id: conversation.id }, data: { activeLeafId: reply.id } });
  return conversation;
}

async function exportFile(client: TestClient, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return client.download(exportRoute, "/api/v1/export", { body, headers });
}

async function runJob(client: TestClient, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const started = await client.call<{ status: string; jobId: string }>(exportRoute, "/api/v1/export", { body, headers });
  expect(started.status).toBe(202);
  expect(started.body.status).toBe("queued");
  await executor.drain();
  const { jobId } = started.body;
  const job = await client.call<{ job: Job }>(getJob, `/api/v1/jobs/${jobId}`, { params: { id: jobId } });
  return { jobId, job: job.body.job };
}

async function downloadZip(client: TestClient, jobId: string) {
  const file = await client.download(download, `/api/v1/export/${jobId}/file`, { params: { id: jobId } });
  expect(file.status).toBe(200);
  expect(file.headers.get("content-type")).toBe("application/zip");
  return Object.fromEntries(Object.entries(unzipSync(file.body)).map(([name, bytes]) => [name, name.endsWith(".pdf") ? bytes : strFromU8(bytes)]));
}

describe("POST /api/v1/export, one conversation", () => {
  it("answers Markdown as a download: the active branch, the model of each reply", async () => {
    const { client, userId } = await signedInClient();
    const conversation = await seedConversation({ userId, title: "Sorting lists" });
    const response = await exportFile(client, { conversationId: conversation.id, format: "md" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Sorting-lists\.md"/);
    const markdown = new TextDecoder().decode(response.body);
    expect(markdown.startsWith("# Sorting lists\n")).toBe(true);
    expect(markdown).toContain("### You · 2026-11-30 08:00 UTC\n\nExplain Sorting lists");
    expect(markdown).toContain("### Assistant (model-new) · 2026-11-30 08:00 UTC\n\nNew answer:\n\n```ts\nconst answer = 42;\n```");
    expect(markdown).not.toContain("Old answer");
  });

  it("answers plain text", async () => {
    const { client, userId } = await signedInClient();
    const conversation = await seedConversation({ userId, title: "Plain" });
    const response = await exportFile(client, { conversationId: conversation.id, format: "txt" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = new TextDecoder().decode(response.body);
    expect(text).toContain("[Assistant (model-new) · 2026-11-30 08:00 UTC]\nNew answer:");
    expect(text).not.toContain("Old answer");
  });

  it("answers JSON with the active branch, or the whole tree with branches: all", async () => {
    const { client, userId } = await signedInClient();
    const conversation = await seedConversation({ userId, title: "Tree" });
    const active = await exportFile(client, { conversationId: conversation.id, format: "json" });
    expect(active.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const activeDocument = JSON.parse(new TextDecoder().decode(active.body));
    expect(activeDocument.conversations[0].messages.map((message: { content: string }) => message.content.slice(0, 10))).toEqual(["Explain Tr", "New answer"]);

    const tree = JSON.parse(new TextDecoder().decode((await exportFile(client, { conversationId: conversation.id, format: "json", branches: "all" })).body));
    expect(tree.branches).toBe("all");
    const messages = tree.conversations[0].messages as { id: string; parentId: string | null; modelId: string | null }[];
    expect(messages).toHaveLength(3);
    expect(messages.filter((message) => message.parentId === messages[0]!.id).map((message) => message.modelId)).toEqual(["model-old", "model-new"]);
    expect(tree.conversations[0].activeLeafId).toBe(messages[2]!.id);
  });

  it("answers a PDF whose text holds the title, the reply, its model and Arabic and Hindi", async () => {
    const { client, userId } = await signedInClient();
    const conversation = await seedConversation({ userId, title: "PDF export" });
    const response = await exportFile(client, { conversationId: conversation.id, format: "pdf" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(response.body.subarray(0, 5))).toBe("%PDF-");
    const { pages, text } = await readPdf(response.body);
    expect(pages).toBe(1);
    expect(text[0]).toContain("PDF export");
    expect(text[0]).toContain("Assistant (model-new)");
    expect(text[0]).toContain("const answer = 42;");
    expect(text[0]).toContain("مرحبا");
    expect(text[0]).toContain("मस्ते");
    expect(text[0]).not.toContain("Old answer");
  });

  it("refuses every branch in a format other than JSON, and a request naming no or two targets", async () => {
    const { client, userId } = await signedInClient();
    const conversation = await seedConversation({ userId, title: "Refusals" });
    expect((await exportFile(client, { conversationId: conversation.id, format: "md", branches: "all" })).status).toBe(422);
    expect((await exportFile(client, { format: "md" })).status).toBe(422);
    expect((await exportFile(client, { conversationId: conversation.id, all: true, format: "md" })).status).toBe(422);
    expect((await exportFile(client, { conversationId: conversation.id, format: "docx" })).status).toBe(422);
  });

  it("answers 404 for another user's conversation or project, and for a deleted conversation", async () => {
    const { userId: ownerId } = await signedInClient();
    const conversation = await seedConversation({ userId: ownerId, title: "Private thoughts" });
    const project = await db().project.create({ data: await inPersonalWorkspace({ userId: ownerId, name: "Private project" }) });
    const { client: stranger } = await signedInClient("198.51.100.20");
    const refused = await exportFile(stranger, { conversationId: conversation.id, format: "md" });
    expect(refused.status).toBe(404);
    expect(new TextDecoder().decode(refused.body)).not.toContain("Private thoughts");
    expect((await stranger.call(exportRoute, "/api/v1/export", { body: { projectId: project.id, format: "md" } })).status).toBe(404);

    const { client: owner, userId } = await signedInClient();
    const deleted = await seedConversation({ userId, title: "Gone" });
    await db().conversation.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    expect((await exportFile(owner, { conversationId: deleted.id, format: "md" })).status).toBe(404);
  });
});

describe("POST /api/v1/export, a project or everything: a ZIP job", () => {
  it("exports a project's conversations to a ZIP with Markdown, JSON, the PDFs and an index, downloadable by its owner only", async () => {
    const { client, userId } = await signedInClient();
    const project = await db().project.create({ data: await inPersonalWorkspace({ userId, name: "Research" }) });
    await seedConversation({ userId, projectId: project.id, title: "First topic" });
    await seedConversation({ userId, projectId: project.id, title: "First topic" });
    await seedConversation({ userId, title: "Outside the project" });

    const { jobId, job } = await runJob(client, { projectId: project.id, format: "pdf" });
    expect(job).toMatchObject({ status: "done", progress: 100, error: null });
    expect(job.output).toMatchObject({ conversations: 2, downloadUrl: `/api/v1/export/${jobId}/file` });
    expect(new Date(job.output!.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    const files = await downloadZip(client, jobId);
    expect(Object.keys(files).sort()).toEqual([
      "conversations/First-topic-2.json",
      "conversations/First-topic-2.md",
      "conversations/First-topic-2.pdf",
      "conversations/First-topic.json",
      "conversations/First-topic.md",
      "conversations/First-topic.pdf",
      "index.md",
    ]);
    expect(files["index.md"]).toContain("[First topic](conversations/First-topic.md)");
    expect(files["index.md"]).toContain("[First topic](conversations/First-topic-2.md)");
    expect(files["conversations/First-topic.md"]).toContain("### Assistant (model-new)");
    expect(JSON.parse(files["conversations/First-topic.json"] as string).conversations[0].title).toBe("First topic");
    expect((await readPdf(files["conversations/First-topic.pdf"] as Uint8Array)).text[0]).toContain("First topic");
    expect(JSON.stringify(files)).not.toContain("Outside the project");

    const stored = await db().exportFile.findUniqueOrThrow({ where: { jobId } });
    expect(stored.userId).toBe(userId);
    const { client: stranger } = await signedInClient("198.51.100.21");
    expect((await stranger.call(download, `/api/v1/export/${jobId}/file`, { params: { id: jobId } })).status).toBe(404);
  });

  it("leaves a member's private conversations out of an `all` export of a team workspace", async () => {
    const { client: alice, userId: aliceId } = await signedInClient();
    const { userId: bobId } = await signedInClient("198.51.100.22");
    const workspace = await db().workspace.create({
      data: { name: "Team", members: { create: [{ userId: aliceId, role: "owner" }, { userId: bobId, role: "member" }] } },
    });
    const shared = await db().project.create({ data: { userId: bobId, workspaceId: workspace.id, name: "Shared", visibility: "workspace" } });
    const bobPrivateProject = await db().project.create({ data: { userId: bobId, workspaceId: workspace.id, name: "Bob only" } });
    await seedConversation({ userId: aliceId, workspaceId: workspace.id, title: "Alice own" });
    await seedConversation({ userId: bobId, workspaceId: workspace.id, projectId: shared.id, title: "Bob shared" });
    const bobPrivate = await seedConversation({ userId: bobId, workspaceId: workspace.id, title: "Bob secret" });
    await seedConversation({ userId: bobId, workspaceId: workspace.id, projectId: bobPrivateProject.id, title: "Bob secret project" });
    await seedConversation({ userId: aliceId, title: "Alice personal" });
    const inTeam = { "x-workspace-id": workspace.id };

    const { jobId, job } = await runJob(alice, { all: true, format: "md" }, inTeam);
    expect(job.status).toBe("done");
    expect(job.output?.conversations).toBe(2);
    const files = await downloadZip(alice, jobId);
    const everything = Object.values(files).join("\n");
    expect(everything).toContain("Alice own");
    expect(everything).toContain("Bob shared");
    expect(everything).not.toContain("Bob secret");
    expect(everything).not.toContain("Alice personal");

    expect((await exportFile(alice, { conversationId: bobPrivate.id, format: "md" }, inTeam)).status).toBe(404);
    expect((await alice.call(exportRoute, "/api/v1/export", { body: { projectId: bobPrivateProject.id, format: "md" }, headers: inTeam })).status).toBe(404);
  });

  it("stops serving a ZIP once it expires, and deletes expired ones when the next export starts", async () => {
    const { client, userId } = await signedInClient();
    await seedConversation({ userId, title: "Short lived" });
    const { jobId } = await runJob(client, { all: true, format: "json" });
    const stored = await db().exportFile.findUniqueOrThrow({ where: { jobId } });
    await db().exportFile.update({ where: { jobId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client.call(download, `/api/v1/export/${jobId}/file`, { params: { id: jobId } })).status).toBe(404);

    expect(await pruneExpiredExports(userId)).toBe(1);
    expect(await db().exportFile.count({ where: { id: stored.id } })).toBe(0);
    const { storageFor } = await import("@/lib/storage/storage");
    expect(await storageFor(stored.storage).get(stored.storageKey)).toBeNull();
  });
});
