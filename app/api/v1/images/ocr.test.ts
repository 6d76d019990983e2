import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jobExecutor } from "@/lib/jobs/dispatch";
import { stopOcrWorkers } from "@/lib/media/ocr/engine";
import { signedInClient } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { renderTextPng, uploadAs, useTemporaryStorage } from "@/lib/testing/media";
import { GET as getJob } from "../jobs/[id]/route";
import { POST as ocr } from "./[id]/ocr/route";
import { POST as upload } from "./upload/route";

type Outcome = { status: "done" | "queued"; jobId?: string; result?: { text: string; detected: string; confidence: number } };
type Job = { status: string; progress: number; output: { text: string; detected: string; confidence: number } | null; error: string | null };

let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
beforeAll(async () => {
  storage = await useTemporaryStorage();
});
afterAll(async () => {
  await stopOcrWorkers();
  await storage.cleanup();
});

async function uploadPng(client: TestClient, png: Buffer): Promise<string> {
  const created = await uploadAs<{ image: { id: string } }>(client, upload, "/api/v1/images/upload", { bytes: png, name: "text.png" });
  expect(created.status).toBe(201);
  return created.body.image.id;
}

async function ocrJob(client: TestClient, imageId: string, language: string): Promise<{ jobId: string; job: Job }> {
  const started = await client.call<Outcome>(ocr, `/api/v1/images/${imageId}/ocr`, { body: { language }, params: { id: imageId } });
  expect(started.status).toBe(202);
  expect(started.body.status).toBe("queued");
  const jobId = started.body.jobId!;
  const queued = await client.call<{ job: Job }>(getJob, `/api/v1/jobs/${jobId}`, { params: { id: jobId } });
  expect(queued.status).toBe(200);
  expect(["queued", "running", "done"]).toContain(queued.body.job.status);
  await jobExecutor().drain();
  const done = await client.call<{ job: Job }>(getJob, `/api/v1/jobs/${jobId}`, { params: { id: jobId } });
  return { jobId, job: done.body.job };
}

describe("POST /api/v1/images/:id/ocr", () => {
  it("reads English text in a job, reports it done at 100%, then answers from the cache", async () => {
    const { client } = await signedInClient();
    const imageId = await uploadPng(client, await renderTextPng("Hello BaatCheet 2026"));
    const { jobId, job } = await ocrJob(client, imageId, "eng");
    expect(job).toMatchObject({ status: "done", progress: 100, error: null });
    expect(job.output?.text).toBe("Hello BaatCheet 2026");
    expect(job.output?.confidence).toBeGreaterThan(70);

    const again = await client.call<Outcome>(ocr, `/api/v1/images/${imageId}/ocr`, { body: { language: "eng" }, params: { id: imageId } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "done", result: { text: "Hello BaatCheet 2026", detected: "eng" } });
    expect(await db().imageOcr.count({ where: { imageId } })).toBe(1);

    const { client: other } = await signedInClient("198.51.100.9");
    expect((await other.call(getJob, `/api/v1/jobs/${jobId}`, { params: { id: jobId } })).status).toBe(404);
    expect((await other.call(ocr, `/api/v1/images/${imageId}/ocr`, { body: {}, params: { id: imageId } })).status).toBe(404);
    expect((await new TestClient().call(getJob, `/api/v1/jobs/${jobId}`, { params: { id: jobId } })).status).toBe(401);
  });

  it("reads Arabic script with the Arabic model, and `auto` picks it for an Arabic image", async () => {
    const { client } = await signedInClient();
    const imageId = await uploadPng(client, await renderTextPng("مرحبا بالعالم", { script: "arabic" }));
    const arabic = await ocrJob(client, imageId, "ara");
    expect(arabic.job.status).toBe("done");
    expect(arabic.job.output?.text).toBe("مرحبا بالعالم");

    const auto = await ocrJob(client, imageId, "auto");
    expect(auto.job.status).toBe("done");
    expect(auto.job.output).toMatchObject({ detected: "ara", text: "مرحبا بالعالم" });
  });

  it("refuses an unknown language and a missing image", async () => {
    const { client } = await signedInClient();
    const imageId = await uploadPng(client, await renderTextPng("x"));
    expect((await client.call(ocr, `/api/v1/images/${imageId}/ocr`, { body: { language: "klingon" }, params: { id: imageId } })).status).toBe(422);
    expect((await client.call(ocr, "/api/v1/images/nope/ocr", { body: {}, params: { id: "nope" } })).status).toBe(404);
  });
});
