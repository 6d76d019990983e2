import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setJobExecutor } from "@/lib/jobs/dispatch";
import { createLocalExecutor, type LocalExecutor } from "@/lib/jobs/executor";
import { findChatImages, readChatImage, readChatImageText } from "@/lib/media/chat-attachments";
import { stopOcrWorkers } from "@/lib/media/ocr/engine";
import { signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { renderTextPng, uploadAs, useTemporaryStorage } from "@/lib/testing/media";
import { GET as getJob } from "../jobs/[id]/route";
import { POST as analyze } from "./[id]/analyze/route";
import { POST as upload } from "./upload/route";

type Job = { status: string; error: string | null; output: { text: string; model: string; prompt: string } | null };

let stubs: StubProviders;
let executor: LocalExecutor;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  stubs = await startStubProviders();
  executor = createLocalExecutor({ functions: async () => (await import("@/inngest")).functions, concurrency: 2, retryBaseMs: 5, retryMaxMs: 20 });
  setJobExecutor(executor);
});

afterAll(async () => {
  executor.stop();
  await stopOcrWorkers();
  await Promise.all([stubs.close(), storage.cleanup()]);
});

async function uploadPng(client: TestClient, text: string): Promise<string> {
  const created = await uploadAs<{ image: { id: string } }>(client, upload, "/api/v1/images/upload", { bytes: await renderTextPng(text), name: "shot.png" });
  return created.body.image.id;
}

async function settle(client: TestClient, jobId: string): Promise<Job> {
  for (let round = 0; round < 100; round += 1) {
    await executor.drain();
    const { job } = (await client.call<{ job: Job }>(getJob, `/api/v1/jobs/${jobId}`, { params: { id: jobId } })).body;
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("job did not settle");
}

describe("POST /api/v1/images/:id/analyze", () => {
  it("sends the image to a vision-capable model through the router and stores the answer", async () => {
    const { client } = await signedInClient();
    const imageId = await uploadPng(client, "Invoice 42");
    const started = await client.call<{ jobId: string }>(analyze, `/api/v1/images/${imageId}/analyze`, {
      body: { prompt: "What does this say?" },
      params: { id: imageId },
    });
    expect(started.status).toBe(202);
    const job = await settle(client, started.body.jobId);
    expect(job.error).toBeNull();
    expect(job.output).toMatchObject({ text: "Echo: What does this say?", model: "groq:meta-llama/llama-4-scout-17b-16e-instruct" });

    const request = stubs.primary.requests.find((each) => each.path === "/v1/chat/completions");
    const content = (request?.body as { messages: { content: { type: string; image_url?: { url: string } }[] }[] }).messages.at(-1)!.content;
    expect(content.map((part) => part.type)).toEqual(["text", "image_url"]);
    expect(content[1]!.image_url!.url).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(await db().imageAnalysis.count({ where: { imageId } })).toBe(1);
  });

  it("refuses a model that cannot see images, and another user's image", async () => {
    const { client } = await signedInClient();
    const imageId = await uploadPng(client, "x");
    const textOnly = await client.call(analyze, `/api/v1/images/${imageId}/analyze`, {
      body: { model: "groq:llama-3.1-8b-instant" },
      params: { id: imageId },
    });
    expect(textOnly.status).toBe(400);
    const { client: other } = await signedInClient("198.51.100.33");
    expect((await other.call(analyze, `/api/v1/images/${imageId}/analyze`, { body: {}, params: { id: imageId } })).status).toBe(404);
  });
});

describe("chat attachments", () => {
  it("gives a vision model the bytes and a text-only model the OCR text (through the OCR job), owner only", async () => {
    const { client, userId } = await signedInClient();
    const imageId = await uploadPng(client, "Meeting at 10 AM");
    expect(await findChatImages({ userId, imageIds: [imageId, imageId] })).toEqual([
      { imageId, name: "shot.png", mime: "image/png", width: expect.any(Number), height: expect.any(Number) },
    ]);
    expect(await readChatImage({ userId, imageId })).toMatchObject({ mime: "image/png", name: "shot.png" });
    expect(await readChatImageText({ userId, imageId })).toBe("Meeting at 10 AM");
    // The second read is the cached result, not a second job.
    const jobs = await db().job.count({ where: { userId } });
    expect(await readChatImageText({ userId, imageId })).toBe("Meeting at 10 AM");
    expect(await db().job.count({ where: { userId } })).toBe(jobs);

    const { userId: otherId } = await signedInClient("198.51.100.34");
    await expect(findChatImages({ userId: otherId, imageIds: [imageId] })).rejects.toMatchObject({ code: "not_found" });
    expect(await readChatImage({ userId: otherId, imageId })).toBeNull();
    expect(await readChatImageText({ userId: otherId, imageId })).toBeNull();
  });
});
