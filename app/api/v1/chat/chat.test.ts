// Integration: POST /api/v1/chat and friends against a real database and two stub providers
// (real HTTP servers speaking the OpenAI wire format, so the real provider code runs).
import { DefaultChatTransport, readUIMessageStream, type UIMessage } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseUiStream, signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import type { TestClient } from "@/lib/testing/http";
import { conversationView } from "@/lib/chat/schemas";
import { loadBranch } from "@/lib/chat/turn-store";
import { GET as getConversation, PATCH as updateSettings } from "./[id]/route";
import { POST as switchBranch } from "./[id]/branch/route";
import { GET as getContext } from "./[id]/context/route";
import { POST as stop } from "./[id]/stop/route";
import { POST as createProject } from "../projects/route";
import { GET as listModels } from "./models/route";
import { POST as chat } from "./route";

type ErrorBody = { error: { code: string; message: string } };
type View = {
  conversation: { id: string; title: string };
  messages: { id: string; role: string; content: string; status: string; versions: { ids: string[]; index: number }; route: { provider: string; attempts: { outcome: string }[] } | null }[];
};

let stubs: StubProviders;
let client: TestClient;
let userId: string;

beforeAll(async () => {
  stubs = await startStubProviders();
  ({ client, userId } = await signedInClient());
});
afterAll(() => stubs.close());
beforeEach(() => {
  stubs.primary.reset();
  stubs.fallback.reset();
  for (const pool of stubs.runtime.pools.values()) for (const key of pool.snapshot()) pool.enable(key.id);
});

async function send(body: Record<string, unknown>, as: TestClient = client) {
  const result = await as.call<string>(chat, "/api/v1/chat", { body: { action: "send", ...body } });
  return { ...result, stream: parseUiStream(result.body), conversationId: result.headers.get("x-conversation-id") };
}

async function view(conversationId: string, as: TestClient = client) {
  return as.call<View>(getConversation, `/api/v1/chat/${conversationId}`, { params: { id: conversationId } });
}

describe("POST /api/v1/chat", () => {
  it("streams the reply, persists both messages with the route, writes the ledger and titles the conversation", async () => {
    const result = await send({ message: "hello there" });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("text/event-stream");
    expect(result.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(result.stream.text).toBe("Echo: hello there");
    expect(result.stream.errors).toEqual([]);

    const conversation = await view(result.conversationId!);
    expect(() => conversationView.parse(conversation.body)).not.toThrow();
    const [question, reply] = conversation.body.messages;
    expect(question).toMatchObject({ role: "user", content: "hello there" });
    expect(reply).toMatchObject({ role: "assistant", content: "Echo: hello there", status: "complete" });
    expect(reply!.route!.provider).toBe("groq");
    expect(conversation.body.conversation.title).not.toBe("New chat");

    const ledger = await db().usageEvent.findMany({ where: { messageId: reply!.id } });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ provider: "groq", outcome: "success" });
    expect(ledger[0]!.completionTokens).toBeGreaterThan(0);
    expect(ledger[0]!.providerKeyId).toMatch(/^groq#/);
  });

  it("speaks the AI SDK UI message stream protocol, as useChat's transport reads and validates it", async () => {
    let raw = "";
    const transport = new DefaultChatTransport<UIMessage<{ conversationId: string }>>({
      api: "/api/v1/chat",
      prepareSendMessagesRequest: () => ({ body: { action: "send", message: "protocol check" } }),
      fetch: async (_url, init) => {
        const result = await client.call<string>(chat, "/api/v1/chat", { body: JSON.parse(String(init!.body)) });
        raw = result.body;
        return new Response(result.body, { status: result.status, headers: result.headers });
      },
    });
    const stream = await transport.sendMessages({ chatId: "c", messages: [], trigger: "submit-message", messageId: undefined, abortSignal: undefined });
    let message: UIMessage<{ conversationId: string }> | undefined;
    for await (const update of readUIMessageStream<UIMessage<{ conversationId: string }>>({ stream, terminateOnError: true })) message = update;
    expect(message!.parts).toContainEqual(expect.objectContaining({ type: "text", text: "Echo: protocol check", state: "done" }));
    expect(message!.metadata?.conversationId).toMatch(/\w+/);
    expect(raw.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("fails over from a rate-limited and a broken key to the next provider before any token", async () => {
    stubs.primary.script([
      { kind: "status", status: 429, retryAfterSeconds: 30, match: { key: "groq-key-1" } },
      { kind: "status", status: 500, match: { key: "groq-key-2" } },
    ]);
    const result = await send({ message: "failover please" });
    expect(result.stream.text).toBe("Echo: failover please");
    expect(result.stream.errors).toEqual([]);
    const reply = (await view(result.conversationId!)).body.messages[1]!;
    expect(reply.route!.provider).toBe("openai_compatible");
    expect(reply.route!.attempts.map((attempt) => attempt.outcome)).toEqual(["failed", "failed", "success"]);
    expect(await db().usageEvent.count({ where: { messageId: reply.id } })).toBe(3);

    // The 429'd key is cooling down: the next request does not touch it.
    stubs.primary.reset();
    await send({ message: "again", conversationId: result.conversationId });
    expect(stubs.primary.requests.filter((request) => request.key === "groq-key-1")).toHaveLength(0);
  });

  it("titles a new chat from its question at once, and with the AI's title beside the reply, not inside its response", async () => {
    // The reply is quick; the title call that follows is slow (a word every 400 ms).
    stubs.primary.script([{ kind: "ok", reply: "Sunny and mild." }, { kind: "ok", reply: "Paris Weather Today", chunkIntervalMs: 400 }]);
    const result = await send({ message: "what is the weather like in paris today, roughly" });
    expect(result.stream.text).toBe("Sunny and mild.");
    const titleNow = async () => (await view(result.conversationId!)).body.conversation.title;
    // The response has ended; the title call has not yet.
    expect(await titleNow()).toBe("what is the weather like in");
    let title = await titleNow();
    for (let tries = 0; tries < 50 && title !== "Paris Weather Today"; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      title = await titleNow();
    }
    expect(title).toBe("Paris Weather Today");
  });

  it("a first reply that fails still leaves the conversation titled from its question", async () => {
    stubs.primary.script([{ kind: "status", status: 503, times: 10 }]);
    stubs.fallback.script([{ kind: "status", status: 503, times: 10 }]);
    const result = await send({ message: "please summarise the quarterly report" });
    expect(result.stream.errors).toHaveLength(1);
    expect((await view(result.conversationId!)).body.conversation.title).toBe("please summarise the quarterly report");
  });

  it("continues mid-stream on the next key when a stream is cut, as one reply", async () => {
    stubs.primary.script([{ kind: "cut", afterChunks: 2 }]);
    const result = await send({ message: "tell me a long story" });
    expect(result.stream.errors).toEqual([]);
    expect(result.stream.text.startsWith("Echo: tell")).toBe(true);
    expect(result.stream.text).toContain("Continue your previous reply");
    const reply = (await view(result.conversationId!)).body.messages[1]!;
    expect(reply.status).toBe("complete");
    expect(reply.content).toBe(result.stream.text);
    expect(reply.route!.attempts.map((attempt) => attempt.outcome)).toEqual(["cut", "success"]);
    // The continuation carried the partial text as the assistant prefix.
    type ChatBody = { messages?: { role: string; content: string }[] };
    const continued = [...stubs.primary.requests, ...stubs.fallback.requests]
      .map((request) => request.body as ChatBody)
      .find((body) => body.messages?.at(-1)?.content.startsWith("Continue your previous reply"));
    expect(continued?.messages?.at(-2)).toMatchObject({ role: "assistant", content: "Echo: tell" });
  });

  it("moves on from a provider that hangs, after the first-token timeout", async () => {
    stubs.primary.script([{ kind: "hang", match: { key: "groq-key-1" } }, { kind: "hang", match: { key: "groq-key-2" } }]);
    const result = await send({ message: "are you there" });
    expect(result.stream.text).toBe("Echo: are you there");
  });

  it("ends with an explicit error event and an error message when every provider fails", async () => {
    stubs.primary.script([{ kind: "status", status: 503, times: 10 }]);
    stubs.fallback.script([{ kind: "garbage", times: 10 }]);
    const result = await send({ message: "nobody home" });
    expect(result.status).toBe(200);
    expect(result.stream.errors).toHaveLength(1);
    expect(result.stream.errors[0]).toMatch(/Every AI provider failed/);
    const reply = (await view(result.conversationId!)).body.messages[1]!;
    expect(reply.status).toBe("error");
  });

  it("marks a reply cut with no fallback left as incomplete, with an error event", async () => {
    stubs.primary.script([{ kind: "cut", afterChunks: 1, times: 2 }]);
    stubs.fallback.script([{ kind: "status", status: 500, times: 5 }]);
    const result = await send({ message: "fragile stream" });
    expect(result.stream.errors).toHaveLength(1);
    const reply = (await view(result.conversationId!)).body.messages[1]!;
    expect(reply.status).toBe("incomplete");
    expect(reply.content).toBe(result.stream.text);
  });

  it("does not retry a request the provider refuses as malformed", async () => {
    stubs.primary.script([{ kind: "status", status: 400 }]);
    const result = await send({ message: "bad request upstream" });
    expect(result.stream.errors[0]).toMatch(/refused the request/);
    expect(stubs.primary.requests.filter((r) => r.path.includes("chat"))).toHaveLength(1);
    expect(stubs.fallback.requests).toHaveLength(0);
  });
});

describe("edit, regenerate and versions", () => {
  it("regenerates a reply with another model and keeps both versions browsable", async () => {
    const first = await send({ message: "version one" });
    const conversationId = first.conversationId!;
    const reply = (await view(conversationId)).body.messages[1]!;

    const again = await client.call<string>(chat, "/api/v1/chat", {
      body: { action: "regenerate", conversationId, messageId: reply.id, modelId: "openai_compatible:stub-fast" },
    });
    expect(parseUiStream(again.body).text).toBe("Echo: version one");
    let current = (await view(conversationId)).body.messages;
    expect(current).toHaveLength(2);
    expect(current[1]!.versions).toMatchObject({ index: 1 });
    expect(current[1]!.versions.ids).toHaveLength(2);
    expect(current[1]!.route!.provider).toBe("openai_compatible");

    const back = await client.call<View>(switchBranch, `/api/v1/chat/${conversationId}/branch`, {
      params: { id: conversationId },
      body: { messageId: reply.id },
    });
    current = back.body.messages;
    expect(current[1]!.id).toBe(reply.id);
    expect(current[1]!.versions.index).toBe(0);
  });

  it("edits a user message: a new branch from there, the old one kept", async () => {
    const first = await send({ message: "original question" });
    const conversationId = first.conversationId!;
    await send({ message: "follow up", conversationId });
    const before = (await view(conversationId)).body.messages;
    expect(before).toHaveLength(4);

    const edited = await client.call<string>(chat, "/api/v1/chat", {
      body: { action: "edit", conversationId, messageId: before[0]!.id, message: "edited question" },
    });
    expect(parseUiStream(edited.body).text).toBe("Echo: edited question");
    const after = (await view(conversationId)).body.messages;
    expect(after.map((message) => message.content)).toEqual(["edited question", "Echo: edited question"]);
    expect(after[0]!.versions).toMatchObject({ index: 1 });
    expect(after[0]!.versions.ids).toContain(before[0]!.id);
  });

  it("reads a branch exactly as Prisma stores it, ignoring other branches, and moves the conversation up the list", async () => {
    const first = await send({ message: "first turn" });
    const conversationId = first.conversationId!;
    const before = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    await send({ message: "second turn", conversationId });
    const [question] = (await view(conversationId)).body.messages;
    await client.call<string>(chat, "/api/v1/chat", {
      body: { action: "edit", conversationId, messageId: question!.id, message: "first turn, edited" },
    });

    const stored = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(stored.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(Math.abs(stored.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const loaded = await loadBranch({ userId, workspaceId: stored.workspaceId, conversationId });
    const rows = await db().message.findMany({ where: { conversationId } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(loaded!.branch.map((message) => message.content)).toEqual(["first turn, edited", "Echo: first turn, edited"]);
    for (const message of loaded!.branch) expect(message).toEqual(byId.get(message.id));
    expect(await loadBranch({ userId: "someone-else", workspaceId: stored.workspaceId, conversationId })).toBeNull();
  });

  it("sends only the active branch, newest last, as context", async () => {
    const first = await send({ message: "first turn" });
    const conversationId = first.conversationId!;
    await send({ message: "second turn", conversationId });
    const context = await client.call<{ messages: { content: string }[] }>(getContext, `/api/v1/chat/${conversationId}/context`, {
      params: { id: conversationId },
    });
    expect(context.status).toBe(200);
    expect(context.body.messages.map((message) => message.content)).toEqual([
      "first turn",
      "Echo: first turn",
      "second turn",
      "Echo: second turn",
    ]);
  });
});

describe("stop", () => {
  it("stops a generation from another request and keeps what arrived, marked incomplete", async () => {
    stubs.primary.script([{ kind: "ok", reply: "one two three four five six seven eight nine ten", chunkIntervalMs: 150 }]);
    const pending = send({ message: "slow please" });
    let conversationId: string | undefined;
    for (let i = 0; i < 50 && !conversationId; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      conversationId = (await db().message.findFirst({ where: { content: "slow please" }, select: { conversationId: true } }))
        ?.conversationId;
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    const stopped = await client.call<{ stopping: number }>(stop, `/api/v1/chat/${conversationId}/stop`, {
      params: { id: conversationId! },
      body: {},
    });
    expect(stopped.body.stopping).toBe(1);
    const result = await pending;
    expect(result.stream.text.length).toBeGreaterThan(0);
    expect(result.stream.text.length).toBeLessThan("one two three four five six seven eight nine ten".length);
    const reply = (await view(conversationId!)).body.messages[1]!;
    expect(reply.status).toBe("incomplete");
    expect(reply.content).toBe(result.stream.text);
  });
});

describe("stop requested on another instance", () => {
  it("ends the generation when the stop flag appears in the database", async () => {
    stubs.primary.script([{ kind: "ok", reply: Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "), chunkIntervalMs: 100 }]);
    const pending = send({ message: "slow again" });
    let messageId: string | undefined;
    for (let i = 0; i < 50 && !messageId; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      messageId = (await db().message.findFirst({ where: { status: "streaming", role: "assistant" }, select: { id: true } }))?.id;
    }
    // What another instance's stop route does: only the flag, no in-process abort.
    await db().message.update({ where: { id: messageId! }, data: { stopRequestedAt: new Date() } });
    const result = await pending;
    expect(result.stream.text).not.toContain("w39");
    expect((await db().message.findUnique({ where: { id: messageId! } }))!.status).toBe("incomplete");
  });
});

describe("bad input and other people's conversations", () => {
  it.each([
    ["an empty message", { action: "send", message: "   " }, 422, "validation_failed"],
    ["an oversized message", { action: "send", message: "x".repeat(32_001) }, 422, "validation_failed"],
    ["an unknown model", { action: "send", message: "hi", modelId: "nope:nothing" }, 400, "unknown_model"],
    ["an unknown action", { action: "explode", message: "hi" }, 422, "validation_failed"],
  ])("refuses %s", async (_case, body, status, code) => {
    const result = await client.call<ErrorBody>(chat, "/api/v1/chat", { body });
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
  });

  it("refuses malformed JSON and anonymous callers", async () => {
    expect((await client.call<ErrorBody>(chat, "/api/v1/chat", { rawBody: "{" })).body.error.code).toBe("invalid_json");
    const { TestClient } = await import("@/lib/testing/http");
    expect((await new TestClient().call(chat, "/api/v1/chat", { body: { action: "send", message: "hi" } })).status).toBe(401);
  });

  it("answers 404 for another user's conversation on every chat route, and writes nothing", async () => {
    const mine = await send({ message: "private" });
    const conversationId = mine.conversationId!;
    const reply = (await view(conversationId)).body.messages[1]!;
    const { client: stranger } = await signedInClient("198.51.100.99");
    const before = await db().message.count();

    const attempts = [
      await stranger.call<ErrorBody>(chat, "/api/v1/chat", { body: { action: "send", conversationId, message: "hijack" } }),
      await stranger.call<ErrorBody>(chat, "/api/v1/chat", { body: { action: "regenerate", conversationId, messageId: reply.id } }),
      await view(conversationId, stranger),
      await stranger.call<ErrorBody>(getContext, "/x", { params: { id: conversationId } }),
      await stranger.call<ErrorBody>(stop, "/x", { params: { id: conversationId }, body: {} }),
      await stranger.call<ErrorBody>(switchBranch, "/x", { params: { id: conversationId }, body: { messageId: reply.id } }),
      await stranger.call<ErrorBody>(updateSettings, "/x", { method: "PATCH", params: { id: conversationId }, body: { systemPrompt: "pwned" } }),
    ];
    for (const attempt of attempts) expect(attempt.status).toBe(404);
    expect(await db().message.count()).toBe(before);
  });
});

describe("PATCH /api/v1/chat/:id — settings for the next turns", () => {
  it("a turn's own settings are stored with it: a new chat keeps its system prompt and temperature, a later turn changes the temperature", async () => {
    const first = await send({ message: "settings turn", systemPrompt: "Be brief.", temperature: 0.7 });
    const conversationId = first.conversationId!;
    const created = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(created).toMatchObject({ systemPrompt: "Be brief.", temperature: 0.7, modelMode: "auto", modelId: null });
    const asked = stubs.primary.requests.find((request) => JSON.stringify(request.body).includes('"Be brief."'));
    expect(asked!.body).toMatchObject({ temperature: 0.7 });

    await send({ message: "cooler now", conversationId, temperature: 0.3, modelId: "openai_compatible:stub-fast" });
    const updated = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(updated).toMatchObject({ systemPrompt: "Be brief.", temperature: 0.3, modelMode: "manual", modelId: "openai_compatible:stub-fast" });
    const [, reply] = (await view(conversationId)).body.messages.slice(-2);
    expect(updated.activeLeafId).toBe(reply!.id);
  });

  it("sets the system prompt, temperature and model; the next turn uses them", async () => {
    const { conversationId } = await send({ message: "first" });
    const patched = await client.call<{ conversation: Record<string, unknown> }>(updateSettings, "/x", {
      method: "PATCH",
      params: { id: conversationId! },
      body: { systemPrompt: "Answer like a pirate.", temperature: 0.2, modelId: "openai_compatible:stub-fast" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.conversation).toMatchObject({
      systemPrompt: "Answer like a pirate.",
      temperature: 0.2,
      modelMode: "manual",
      modelId: "openai_compatible:stub-fast",
    });
    const context = await client.call<{ system?: string }>(getContext, "/x", { params: { id: conversationId! } });
    expect(JSON.stringify(context.body)).toContain("Answer like a pirate.");

    const cleared = await client.call<{ conversation: Record<string, unknown> }>(updateSettings, "/x", {
      method: "PATCH",
      params: { id: conversationId! },
      body: { systemPrompt: null, modelId: null },
    });
    expect(cleared.body.conversation).toMatchObject({ systemPrompt: null, modelMode: "auto", modelId: null, temperature: 0.2 });
  });

  it("the stored model answers a later turn that names none; a turn that names one (or auto) uses it and keeps it", async () => {
    const { conversationId } = await send({ message: "first" });
    await client.call(updateSettings, "/x", { method: "PATCH", params: { id: conversationId! }, body: { modelId: "openai_compatible:stub-fast" } });
    const context = await client.call<{ model: string }>(getContext, "/x", { params: { id: conversationId! } });
    expect(context.body.model).toBe("openai_compatible:stub-fast");

    stubs.fallback.reset();
    const next = await send({ message: "which model are you", conversationId });
    expect(next.stream.text).toBe("Echo: which model are you");
    let reply = (await view(conversationId!)).body.messages.at(-1)!;
    expect(reply.route).toMatchObject({ provider: "openai_compatible", model: "openai_compatible:stub-fast" });
    expect(stubs.fallback.requests.filter((request) => request.path.includes("chat")).map((request) => request.model)).toEqual(["stub-fast"]);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId! } })).toMatchObject({
      modelMode: "manual",
      modelId: "openai_compatible:stub-fast",
    });

    // null is auto mode, for this turn and the next ones: the short question goes to the fast Groq model.
    await send({ message: "auto again", conversationId, modelId: null });
    reply = (await view(conversationId!)).body.messages.at(-1)!;
    expect(reply.route!.provider).toBe("groq");
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId! } })).toMatchObject({ modelMode: "auto", modelId: null });
  });

  it("a stored model that is no longer configured leaves the turn in auto mode instead of failing it", async () => {
    const { conversationId } = await send({ message: "first" });
    await db().conversation.update({ where: { id: conversationId! }, data: { modelMode: "manual", modelId: "retired:model" } });
    const next = await send({ message: "still there?", conversationId });
    expect(next.stream.errors).toEqual([]);
    expect((await view(conversationId!)).body.messages.at(-1)!.route!.provider).toBe("groq");
  });

  it.each([
    ["no setting at all", {}, 422, "validation_failed"],
    ["an unknown model", { modelId: "nope:nothing" }, 400, "unknown_model"],
    ["a temperature out of range", { temperature: 3 }, 422, "validation_failed"],
  ])("refuses %s", async (_case, body, status, code) => {
    const { conversationId } = await send({ message: "settings" });
    const result = await client.call<ErrorBody>(updateSettings, "/x", { method: "PATCH", params: { id: conversationId! }, body });
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
  });
});

describe("GET /api/v1/chat/:id — the project", () => {
  it("names the conversation's project and whether its instructions apply; null outside a project", async () => {
    const made = await client.call<{ project: { id: string } }>(createProject, "/api/v1/projects", {
      body: { name: "Hiking club", emoji: "🥾", instructions: "Answer like a mountain guide." },
    });
    const plain = await client.call<{ project: { id: string } }>(createProject, "/api/v1/projects", { body: { name: "No rules" } });
    const inProject = await send({ message: "hello hikers" });
    const inPlain = await send({ message: "hello plain" });
    const outside = await send({ message: "hello nobody" });
    await db().conversation.update({ where: { id: inProject.conversationId! }, data: { projectId: made.body.project.id } });
    await db().conversation.update({ where: { id: inPlain.conversationId! }, data: { projectId: plain.body.project.id } });

    const withRules = await view(inProject.conversationId!);
    expect(() => conversationView.parse(withRules.body)).not.toThrow();
    expect(conversationView.parse(withRules.body).conversation.project).toEqual({
      id: made.body.project.id,
      name: "Hiking club",
      emoji: "🥾",
      hasInstructions: true,
    });
    expect(conversationView.parse((await view(inPlain.conversationId!)).body).conversation.project).toMatchObject({
      name: "No rules",
      hasInstructions: false,
    });
    expect(conversationView.parse((await view(outside.conversationId!)).body).conversation.project).toBeNull();
  });
});

describe("GET /api/v1/chat/models", () => {
  it("lists only models whose provider has a key", async () => {
    const result = await client.call<{ items: { id: string; provider: string }[] }>(listModels, "/api/v1/chat/models");
    const providers = new Set(result.body.items.map((model) => model.provider));
    expect([...providers].sort()).toEqual(["groq", "openai_compatible"]);
    expect(result.body.items.some((model) => model.id === "openai_compatible:stub-fast")).toBe(true);
  });
});
