import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStubServer, type StubServer } from "@/e2e/fixtures/stub-openai/server";
import { createAiRuntime, setAiRuntime } from "@/lib/ai/runtime";
import { db } from "@/lib/db";
import { parseProviderEnv } from "@/lib/env";
import { setJobExecutor } from "@/lib/jobs/dispatch";
import { createLocalExecutor, type LocalExecutor } from "@/lib/jobs/executor";
import { signedInClient } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { renderTextPng, silentWav, uploadAs, useTemporaryStorage, windowsExecutable } from "@/lib/testing/media";
import { GET as getJob } from "../jobs/[id]/route";
import { POST as analyze } from "./[id]/analyze/route";
import { GET as getFile } from "./[id]/file/route";
import { DELETE as remove, GET as get } from "./[id]/route";
import { GET as health } from "./config/health/route";
import { GET as languages } from "./config/languages/route";
import { POST as transcribe } from "./transcribe/route";
import { POST as transcribeUpload } from "./transcribe-upload/route";
import { POST as upload } from "./upload/route";
import { POST as voiceChat } from "./voice-chat/route";

type Audio = {
  id: string;
  mime: string;
  transcript: string | null;
  language: string | null;
  durationSeconds: number | null;
  transcriptModel: string | null;
  analyses: { kind: string; text: string; model: string }[];
};
type Job = { status: string; progress: number; error: string | null; output: unknown };

let groq: StubServer;
let openai: StubServer;
let executor: LocalExecutor;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;

/** A fresh runtime per test: keys a test leaves cooling down must not fail the next one. */
function useFreshRuntime() {
  setAiRuntime(
    createAiRuntime(
      parseProviderEnv({
        GROQ_API_KEY_1: "groq-key-1",
        GROQ_API_KEY_2: "groq-key-2",
        GROQ_BASE_URL: groq.baseURL,
        OPENAI_API_KEY: "openai-key-1",
        OPENAI_BASE_URL: openai.baseURL,
      }),
      { timeouts: { firstTokenMs: 1500, idleMs: 1500 } },
    ),
  );
}

beforeAll(async () => {
  storage = await useTemporaryStorage();
  [groq, openai] = await Promise.all([startStubServer(), startStubServer()]);
  executor = createLocalExecutor({ functions: async () => (await import("@/inngest")).functions, concurrency: 2, retryBaseMs: 5, retryMaxMs: 20 });
  setJobExecutor(executor);
});

beforeEach(() => {
  useFreshRuntime();
});

afterEach(() => {
  groq.reset();
  openai.reset();
});

afterAll(async () => {
  executor.stop();
  await Promise.all([groq.close(), openai.close(), storage.cleanup()]);
});

async function settle(client: TestClient, jobId: string): Promise<Job> {
  for (let round = 0; round < 100; round += 1) {
    await executor.drain();
    const { job } = (await client.call<{ job: Job }>(getJob, `/api/v1/jobs/${jobId}`, { params: { id: jobId } })).body;
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("job did not settle");
}

async function uploadWav(client: TestClient, seconds = 2): Promise<Audio> {
  const created = await uploadAs<{ audio: Audio }>(client, upload, "/api/v1/audio/upload", { bytes: silentWav(seconds), name: "memo.mp3", type: "audio/mpeg" });
  expect(created.status).toBe(201);
  return created.body.audio;
}

async function getAudio(client: TestClient, id: string) {
  const response = await client.call<{ audio: Audio }>(get, `/api/v1/audio/${id}`, { params: { id } });
  return { status: response.status, body: response.body.audio };
}

describe("audio uploads", () => {
  it("stores audio by its real type and serves it to the owner only", async () => {
    const { client } = await signedInClient();
    const audio = await uploadWav(client);
    expect(audio).toMatchObject({ mime: "audio/wav", transcript: null });

    const file = await getFile(
      new Request(`http://localhost:3000/api/v1/audio/${audio.id}/file`, {
        headers: { cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
      }),
      { params: Promise.resolve({ id: audio.id }) },
    );
    expect(file.headers.get("content-type")).toBe("audio/wav");
    expect(Buffer.from(await file.arrayBuffer()).equals(silentWav(2))).toBe(true);

    const { client: other } = await signedInClient("198.51.100.21");
    expect((await getAudio(other, audio.id)).status).toBe(404);
    expect((await other.call(transcribe, "/api/v1/audio/transcribe", { body: { audioId: audio.id } })).status).toBe(404);
    expect((await other.call(remove, `/api/v1/audio/${audio.id}`, { method: "DELETE", params: { id: audio.id } })).status).toBe(404);
    expect((await getAudio(client, audio.id)).status).toBe(200);
  });

  it("refuses an image or an executable sent as audio with 415, and an empty file with 400", async () => {
    const { client } = await signedInClient();
    const png = await uploadAs(client, upload, "/api/v1/audio/upload", { bytes: await renderTextPng("x"), name: "song.mp3", type: "audio/mpeg" });
    expect(png.status).toBe(415);
    expect((await uploadAs(client, upload, "/api/v1/audio/upload", { bytes: windowsExecutable(), name: "song.wav" })).status).toBe(415);
    expect((await uploadAs(client, upload, "/api/v1/audio/upload", { bytes: new Uint8Array(), name: "song.wav" })).status).toBe(400);
  });

  it("deletes the audio and its file", async () => {
    const { client } = await signedInClient();
    const audio = await uploadWav(client);
    expect((await client.call(remove, `/api/v1/audio/${audio.id}`, { method: "DELETE", params: { id: audio.id } })).status).toBe(204);
    expect((await getAudio(client, audio.id)).status).toBe(404);
    expect(await db().audio.count({ where: { id: audio.id } })).toBe(0);
  });
});

describe("transcription", () => {
  it("transcribes with Groq Whisper in a job, keeping language and duration", async () => {
    const { client } = await signedInClient();
    const audio = await uploadWav(client, 2);
    const started = await client.call<{ jobId: string }>(transcribe, "/api/v1/audio/transcribe", { body: { audioId: audio.id, language: "ur" } });
    expect(started.status).toBe(202);
    const job = await settle(client, started.body.jobId);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: "done", progress: 100 });

    const transcribed = (await getAudio(client, audio.id)).body;
    expect(transcribed).toMatchObject({
      transcript: "Transcript of audio.wav.",
      language: "ur",
      transcriptModel: "groq:whisper-large-v3",
    });
    expect(transcribed.durationSeconds).toBeCloseTo(2, 1);
    const request = groq.requests.find((each) => each.path === "/v1/audio/transcriptions");
    expect(request).toMatchObject({ model: "whisper-large-v3", body: { language: "ur", file: { size: silentWav(2).length } } });
    expect(request?.key).toMatch(/^groq-key-/);
    expect(openai.requests).toHaveLength(0);
  });

  it("fails over from Groq's keys to OpenAI Whisper", async () => {
    groq.script({ kind: "status", status: 503, times: 2 });
    const { client } = await signedInClient();
    const created = await uploadAs<{ audio: Audio; jobId: string }>(client, transcribeUpload, "/api/v1/audio/transcribe-upload", {
      bytes: silentWav(1),
      name: "note.wav",
      fields: { language: "ur" },
    });
    expect(created.status).toBe(202);
    expect((await settle(client, created.body.jobId)).status).toBe("done");
    const transcribed = (await getAudio(client, created.body.audio.id)).body;
    expect(transcribed).toMatchObject({ transcriptModel: "openai:whisper-1", transcript: "Transcript of audio.wav.", language: "ur" });
    expect(new Set(groq.requests.map((each) => each.key))).toEqual(new Set(["groq-key-1", "groq-key-2"]));
    expect(openai.requests.at(-1)).toMatchObject({ model: "whisper-1", key: "openai-key-1" });
  });

  it("writes a usage-ledger row for every transcription attempt, the failed one it failed over from included", async () => {
    groq.script({ kind: "status", status: 503 });
    const { client, userId } = await signedInClient();
    const response = await uploadAs<{ audio: Audio }>(client, transcribeUpload, "/api/v1/audio/transcribe-upload?wait=true", {
      bytes: silentWav(2),
      name: "ledger.wav",
    });
    expect(response.body.audio.transcriptModel).toBe("groq:whisper-large-v3");
    const rows = await db().usageEvent.findMany({ where: { userId }, orderBy: { outcome: "asc" } });
    expect(rows.map((row) => [row.model, row.outcome, row.errorCode])).toEqual([
      ["groq:whisper-large-v3", "success", null],
      ["groq:whisper-large-v3", "error", "http_503"],
    ]);
    // The second attempt went to the other key.
    expect(new Set(rows.map((row) => row.providerKeyId))).toEqual(new Set(["groq#1", "groq#2"]));
    expect(rows[0]!.costMicroUsd).toBeGreaterThan(0);
  });

  it("transcribes within the request with ?wait=true (dictation), without a job", async () => {
    const { client, userId } = await signedInClient();
    const response = await uploadAs<{ audio: Audio; jobId?: string }>(client, transcribeUpload, "/api/v1/audio/transcribe-upload?wait=true", {
      bytes: silentWav(1),
      name: "dictation.webm",
      fields: { language: "hi" },
    });
    expect(response.status).toBe(200);
    expect(response.body.jobId).toBeUndefined();
    expect(response.body.audio).toMatchObject({ transcript: "Transcript of audio.wav.", language: "hi", transcriptModel: "groq:whisper-large-v3" });
    expect(await db().job.count({ where: { userId } })).toBe(0);
  });

  it("fails the job, after retries, when every provider is down", async () => {
    groq.script({ kind: "status", status: 500, times: 50 });
    openai.script({ kind: "status", status: 500, times: 50 });
    const { client } = await signedInClient();
    const audio = await uploadWav(client, 1);
    const started = await client.call<{ jobId: string }>(transcribe, "/api/v1/audio/transcribe", { body: { audioId: audio.id } });
    // Keys cool down after a 500; a tight loop of retries would only find them resting.
    const job = await settle(client, started.body.jobId);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/speech-to-text/);
    expect((await getAudio(client, audio.id)).body.transcript).toBeNull();
  });

  it("refuses a malformed language", async () => {
    const { client } = await signedInClient();
    const audio = await uploadWav(client, 1);
    expect((await client.call(transcribe, "/api/v1/audio/transcribe", { body: { audioId: audio.id, language: "urdu!" } })).status).toBe(422);
  });
});

describe("voice chat and transcript analysis", () => {
  it("answers a spoken message: upload, transcribe, reply", async () => {
    const { client } = await signedInClient();
    const response = await uploadAs<{ transcript: string; reply: { text: string; model: string }; audio: Audio }>(
      client,
      voiceChat,
      "/api/v1/audio/voice-chat",
      { bytes: silentWav(1), name: "question.webm", fields: { language: "en" } },
    );
    expect(response.status).toBe(200);
    expect(response.body.transcript).toBe("Transcript of audio.wav.");
    expect(response.body.reply.text).toBe("Echo: Transcript of audio.wav.");
    expect(response.body.reply.model).toMatch(/^groq:/);
    expect(response.body.audio.transcriptModel).toBe("groq:whisper-large-v3");
  });

  it("summarises a transcript and stores the analysis with the audio; refuses before transcription", async () => {
    const { client } = await signedInClient();
    const audio = await uploadWav(client, 1);
    const early = await client.call(analyze, `/api/v1/audio/${audio.id}/analyze`, { body: { kind: "summary" }, params: { id: audio.id } });
    expect(early.status).toBe(409);

    const transcribed = await client.call<{ jobId: string }>(transcribe, "/api/v1/audio/transcribe", { body: { audioId: audio.id } });
    await settle(client, transcribed.body.jobId);
    const started = await client.call<{ jobId: string }>(analyze, `/api/v1/audio/${audio.id}/analyze`, {
      body: { kind: "summary" },
      params: { id: audio.id },
    });
    expect(started.status).toBe(202);
    expect((await settle(client, started.body.jobId)).status).toBe("done");
    const analysed = (await getAudio(client, audio.id)).body;
    expect(analysed.analyses).toHaveLength(1);
    expect(analysed.analyses[0]).toMatchObject({ kind: "summary", model: expect.stringMatching(/^groq:/) });
    expect(analysed.analyses[0]!.text).toContain("Transcript of audio.wav.");
    expect(analysed.analyses[0]!.text).toContain("Summarise");

    const custom = await client.call(analyze, `/api/v1/audio/${audio.id}/analyze`, { body: { kind: "custom" }, params: { id: audio.id } });
    expect(custom.status).toBe(422);
  });
});

describe("audio config", () => {
  it("lists languages and the speech-to-text providers' health", async () => {
    const { client } = await signedInClient();
    const listed = await client.call<{ items: { code: string }[] }>(languages, "/api/v1/audio/config/languages");
    expect(listed.body.items.map((language) => language.code)).toEqual(expect.arrayContaining(["en", "ur", "hi", "ar"]));
    const status = await client.call<{ available: boolean; providers: { provider: string; configured: boolean; keys: { maskedKey: string }[] }[] }>(
      health,
      "/api/v1/audio/config/health",
    );
    expect(status.body.available).toBe(true);
    expect(status.body.providers.map((provider) => [provider.provider, provider.configured])).toEqual([
      ["groq", true],
      ["openai", true],
    ]);
    expect(JSON.stringify(status.body)).not.toContain("groq-key-1");
    expect(status.body.providers.every((provider) => provider.keys === undefined)).toBe(true);
    expect((await new TestClient().call(health, "/api/v1/audio/config/health")).status).toBe(401);

    const { client: admin, userId: adminId } = await signedInClient("192.0.2.61");
    await db().user.update({ where: { id: adminId }, data: { role: "admin" } });
    const detailed = await admin.call<{ providers: { keys?: { maskedKey: string }[] }[] }>(health, "/api/v1/audio/config/health");
    expect(detailed.body.providers[0]!.keys!.length).toBeGreaterThan(0);
  });
});
