// Integration: images attached to chat messages. A vision model gets the image itself; a
// text-only model gets the text read from it by the OCR job (real tesseract); both through the
// stub providers, so the real provider code builds the wire request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { builtInModels } from "@/lib/ai/catalogue";
import { conversationView } from "@/lib/chat/schemas";
import { db } from "@/lib/db";
import { setJobExecutor } from "@/lib/jobs/dispatch";
import { createLocalExecutor, type LocalExecutor } from "@/lib/jobs/executor";
import { stopOcrWorkers } from "@/lib/media/ocr/engine";
import { parseUiStream, signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import type { TestClient } from "@/lib/testing/http";
import { renderTextPng, uploadAs, useTemporaryStorage } from "@/lib/testing/media";
import { POST as upload } from "../images/upload/route";
import { GET as getConversation } from "./[id]/route";
import { GET as getContext } from "./[id]/context/route";
import { POST as chat } from "./route";

type WirePart = { type: string; text?: string; image_url?: { url: string } };
type WireMessage = { role: string; content: string | WirePart[] };

let stubs: StubProviders;
let executor: LocalExecutor;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let client: TestClient;
let userId: string;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  stubs = await startStubProviders();
  executor = createLocalExecutor({ functions: async () => (await import("@/inngest")).functions, concurrency: 2, retryBaseMs: 5, retryMaxMs: 20 });
  setJobExecutor(executor);
  ({ client, userId } = await signedInClient());
});

afterAll(async () => {
  executor.stop();
  await stopOcrWorkers();
  await Promise.all([stubs.close(), storage.cleanup()]);
});

beforeEach(() => {
  stubs.primary.reset();
  stubs.fallback.reset();
});

async function uploadPng(text: string, as: TestClient = client): Promise<string> {
  const created = await uploadAs<{ image: { id: string } }>(as, upload, "/api/v1/images/upload", { bytes: await renderTextPng(text), name: "note.png" });
  expect(created.status).toBe(201);
  return created.body.image.id;
}

async function send(body: Record<string, unknown>, as: TestClient = client) {
  const result = await as.call<unknown>(chat, "/api/v1/chat", { body: { action: "send", ...body } });
  const stream = parseUiStream(typeof result.body === "string" ? result.body : "");
  return { ...result, stream, conversationId: result.headers.get("x-conversation-id") };
}

/** The last user message of the first chat completion a stub received since its reset (the reply, not the title). */
function lastUserMessage(stub: StubProviders["primary"]): WireMessage {
  const request = stub.requests.find((each) => each.path === "/v1/chat/completions");
  expect(request, "the provider was called").toBeDefined();
  return (request!.body as { messages: WireMessage[] }).messages.findLast((message) => message.role === "user")!;
}

describe("images in chat", () => {
  it("auto mode sends the image itself to a vision model, and the message keeps its attachment", async () => {
    const imageId = await uploadPng("Receipt 1234");
    const result = await send({ message: "What is in this picture?", imageIds: [imageId] });
    expect(result.status).toBe(200);
    expect(result.stream.errors).toEqual([]);
    expect(result.stream.text).toBe("Echo: What is in this picture?");

    const content = lastUserMessage(stubs.primary).content as WirePart[];
    expect(content.map((part) => part.type)).toEqual(["text", "image_url"]);
    expect(content[1]!.image_url!.url).toMatch(/^data:image\/png;base64,iVBOR/);

    const view = await client.call(getConversation, `/api/v1/chat/${result.conversationId}`, { params: { id: result.conversationId! } });
    const parsed = conversationView.parse(view.body);
    expect(parsed.messages[0]!.attachments).toEqual([
      { kind: "image", imageId, name: "note.png", mime: "image/png", width: expect.any(Number), height: expect.any(Number) },
    ]);
    const model = builtInModels.find((entry) => entry.id === parsed.messages[1]!.route?.model);
    expect(model?.capabilities.vision).toBe(true);

    const context = await client.call<{ messages: { attachments: unknown[]; tokenCount: number }[] }>(
      getContext,
      `/api/v1/chat/${result.conversationId}/context`,
      { params: { id: result.conversationId! } },
    );
    expect(context.body.messages[0]!.attachments).toHaveLength(1);
    // The image is counted in the context budget, not only the words.
    expect(context.body.messages[0]!.tokenCount).toBeGreaterThan(500);
  });

  it("a text-only model reads the image's OCR text, made by the OCR job", async () => {
    const imageId = await uploadPng("Invoice 4217");
    const result = await send({ message: "Summarise this", imageIds: [imageId], modelId: "openai_compatible:stub-fast" });
    expect(result.stream.errors).toEqual([]);
    const content = lastUserMessage(stubs.fallback).content;
    expect(typeof content).toBe("string");
    expect(content).toContain("Summarise this");
    expect(content).toContain('[Attached image "note.png", the text read from it:]\nInvoice 4217');
    expect(await db().imageOcr.count({ where: { imageId } })).toBe(1);
    expect(await db().job.count({ where: { userId, eventName: "media/image.ocr.requested" } })).toBeGreaterThanOrEqual(1);
  });

  it("sends an image without text, and an edit keeps the images unless it replaces them", async () => {
    const first = await uploadPng("one");
    const second = await uploadPng("two");
    const sent = await send({ message: "", imageIds: [first] });
    expect(sent.status).toBe(200);
    expect(lastUserMessage(stubs.primary).content).toEqual([expect.objectContaining({ type: "image_url" })]);

    const conversationId = sent.conversationId!;
    const questionId = (await db().message.findFirstOrThrow({ where: { conversationId, role: "user" } })).id;
    const kept = await client.call<string>(chat, "/api/v1/chat", {
      body: { action: "edit", conversationId, messageId: questionId, message: "Now with words" },
    });
    expect(parseUiStream(kept.body).errors).toEqual([]);
    const replaced = await client.call<string>(chat, "/api/v1/chat", {
      body: { action: "edit", conversationId, messageId: questionId, message: "Another picture", imageIds: [second] },
    });
    expect(parseUiStream(replaced.body).errors).toEqual([]);
    const questions = await db().message.findMany({ where: { conversationId, role: "user" }, orderBy: { createdAt: "asc" } });
    expect(questions.map((message) => (message.attachments as { imageId: string }[]).map((each) => each.imageId))).toEqual([
      [first],
      [first],
      [second],
    ]);
  });

  it("refuses another user's image, too many images and an empty message, writing nothing", async () => {
    const { client: other } = await signedInClient("198.51.100.61");
    const theirs = await uploadPng("private", other);
    const before = await db().message.count();

    const foreign = await send({ message: "look", imageIds: [theirs] });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ error: { code: "not_found" } });

    const mine = await uploadPng("mine");
    const tooMany = await send({ message: "look", imageIds: [mine, mine, mine, mine, mine] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringMatching(/at most 4 images/) } });

    const empty = await send({ message: "   " });
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ error: { message: expect.stringMatching(/Type a message first/) } });

    expect(await db().message.count()).toBe(before);
    expect(stubs.primary.requests.filter((each) => each.path === "/v1/chat/completions")).toHaveLength(0);
  });
});
