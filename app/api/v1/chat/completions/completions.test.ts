// Integration: the OpenAI-compatible endpoints with BaatCheet API keys, against two stub providers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/service";
import { db } from "@/lib/db";
import type { OpenAiErrorBody } from "@/lib/http/openai-errors";
import { signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { GET as listModels } from "../../models/route";
import { POST as completions } from "./route";

interface Completion {
  object: string;
  model: string;
  choices: { message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}
interface Chunk {
  object: string;
  model: string;
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { total_tokens: number } | null;
  error?: OpenAiErrorBody["error"];
}

let stubs: StubProviders;
let userId: string;
let writeKey: { secret: string; apiKey: { id: string } };
let readKey: { secret: string };

beforeAll(async () => {
  stubs = await startStubProviders();
  ({ userId } = await signedInClient());
  const owner = { userId, role: "user" as const, tier: "free" as const };
  writeKey = await createApiKey({ owner, input: { name: "app", permissions: ["write"] } });
  readKey = await createApiKey({ owner, input: { name: "dashboard", permissions: ["read"] } });
});
afterAll(() => stubs.close());
beforeEach(() => {
  stubs.primary.reset();
  stubs.fallback.reset();
  for (const pool of stubs.runtime.pools.values()) for (const key of pool.snapshot()) pool.enable(key.id);
});

const asKey = (secret: string) => ({ authorization: `Bearer ${secret}` });

function complete<T = Completion>(body: Record<string, unknown>, secret = writeKey.secret) {
  return new TestClient().call<T>(completions, "/api/v1/chat/completions", { body, headers: asKey(secret) });
}

function parseSse(body: string): (Chunk | "[DONE]")[] {
  return body
    .split("\n\n")
    .filter((event) => event.startsWith("data: "))
    .map((event) => event.slice(6))
    .map((data) => (data === "[DONE]" ? "[DONE]" : (JSON.parse(data) as Chunk)));
}

describe("POST /api/v1/chat/completions", () => {
  it("answers in the OpenAI format with usage, and tags the ledger rows with the key", async () => {
    const result = await complete({ model: "auto", messages: [{ role: "user", content: "hello" }] });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: "Echo: hello" }, finish_reason: "stop" }],
    });
    expect(result.body.model).toMatch(/^groq:/);
    expect(result.body.usage.total_tokens).toBe(result.body.usage.prompt_tokens + result.body.usage.completion_tokens);
    expect(result.body.usage.completion_tokens).toBeGreaterThan(0);

    const rows = await db().usageEvent.findMany({ where: { apiKeyId: writeKey.apiKey.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId, outcome: "success", provider: "groq" });
  });

  it("takes a provider's own model id, system messages and text parts", async () => {
    const result = await complete({
      model: "stub-fast",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "two " }, { type: "text", text: "parts" }] },
      ],
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(result.status).toBe(200);
    expect(result.body.model).toBe("openai_compatible:stub-fast");
    expect(result.body.choices[0]!.message.content).toBe("Echo: two parts");
    const sent = stubs.fallback.requests.at(-1)!.body as { messages: { role: string }[]; max_tokens?: number; temperature?: number };
    expect(sent.messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(sent.temperature).toBe(0.2);
  });

  it("streams chunks ending in data: [DONE], with a usage chunk when asked", async () => {
    const result = await complete<string>({
      model: "auto",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "stream me" }],
    });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSse(result.body);
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.filter((event): event is Chunk => event !== "[DONE]");
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe("assistant");
    expect(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? "")).join("")).toBe("Echo: stream me");
    const usage = chunks.at(-1)!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage!.total_tokens).toBeGreaterThan(0);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe("stop");
  });

  it("fails over across keys and providers, and every attempt is in the ledger", async () => {
    stubs.primary.script([{ kind: "status", status: 503, times: 10 }]);
    const before = await db().usageEvent.count({ where: { apiKeyId: writeKey.apiKey.id } });
    const result = await complete<string>({ model: "auto", stream: true, messages: [{ role: "user", content: "still there?" }] });
    const chunks = parseSse(result.body).filter((event): event is Chunk => event !== "[DONE]");
    expect(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? "")).join("")).toBe("Echo: still there?");
    expect(chunks.at(-1)!.model).toBe("openai_compatible:stub-fast");
    const rows = await db().usageEvent.findMany({ where: { apiKeyId: writeKey.apiKey.id }, orderBy: { createdAt: "asc" }, skip: before });
    expect(rows.map((row) => row.outcome)).toEqual(["error", "error", "success"]);
  });

  it("answers a plain JSON 503 when every provider fails before the first token, streaming or not", async () => {
    stubs.primary.script([{ kind: "status", status: 503, times: 20 }]);
    stubs.fallback.script([{ kind: "status", status: 500, times: 20 }]);
    for (const stream of [true, false]) {
      const result = await complete<OpenAiErrorBody>({ model: "auto", stream, messages: [{ role: "user", content: "hi" }] });
      expect(result.status).toBe(503);
      expect(result.body.error).toMatchObject({ type: "server_error", param: null, code: "provider_unavailable" });
      for (const pool of stubs.runtime.pools.values()) for (const key of pool.snapshot()) pool.enable(key.id);
    }
  });

  it("ends a stream cut after the last fallback with OpenAI's mid-stream error event, never [DONE]", async () => {
    stubs.primary.script([{ kind: "cut", afterChunks: 1, times: 2 }]);
    stubs.fallback.script([{ kind: "status", status: 500, times: 5 }]);
    const result = await complete<string>({ model: "groq:llama-3.3-70b-versatile", stream: true, messages: [{ role: "user", content: "a long answer please" }] });
    expect(result.status).toBe(200);
    const events = parseSse(result.body);
    expect(events).not.toContain("[DONE]");
    const last = events.at(-1) as Chunk;
    expect(last).toEqual({ error: { message: expect.any(String), type: "server_error", param: null, code: "provider_unavailable" } });
  });

  it("answers malformed JSON and invalid fields with OpenAI's 400 invalid_request_error naming the field", async () => {
    const malformed = await new TestClient().call<OpenAiErrorBody>(completions, "/api/v1/chat/completions", {
      rawBody: '{"model": "auto",',
      headers: asKey(writeKey.secret),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toEqual({ message: expect.any(String), type: "invalid_request_error", param: null, code: "invalid_json" });

    const noMessages = await complete<OpenAiErrorBody>({ model: "auto", messages: [] });
    expect(noMessages.status).toBe(400);
    expect(noMessages.body.error).toMatchObject({ type: "invalid_request_error", param: "messages", code: "invalid_value" });
    expect(noMessages.body.error.message).toMatch(/^messages: /);

    const image = await complete<OpenAiErrorBody>({
      model: "auto",
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://x" } }] }],
    });
    expect(image.status).toBe(400);
    expect(image.body.error.param).toBe("messages[0].content");
  });

  it("answers an unknown model with 404 model_not_found, as OpenAI does", async () => {
    const unknown = await complete<OpenAiErrorBody>({ model: "gpt-17", messages: [{ role: "user", content: "hi" }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ type: "not_found_error", param: "model", code: "model_not_found" });
    expect(unknown.body.error.message).toContain("GET /api/v1/models");
    expect(stubs.primary.requests.length + stubs.fallback.requests.length).toBe(0);
  });

  it.each([
    ["tools", { tools: [{ type: "function", function: { name: "get_weather", parameters: {} } }] }, "tools", /function calling is not supported/],
    ["tool_choice", { tool_choice: "auto" }, "tool_choice", /function calling/],
    ["legacy functions", { functions: [{ name: "f" }] }, "functions", /function calling/],
    ["JSON mode", { response_format: { type: "json_object" } }, "response_format", /only `\{ "type": "text" \}`/],
    ["structured outputs", { response_format: { type: "json_schema", json_schema: { name: "x" } } }, "response_format", /structured outputs/],
    ["several choices", { n: 2 }, "n", /only one choice/],
    ["log probabilities", { logprobs: true, top_logprobs: 2 }, "logprobs", /log probabilities/],
    ["stop sequences", { stop: ["\n"] }, "stop", /stop sequences/],
    ["top_p", { top_p: 0.5 }, "top_p", /temperature/],
    ["audio replies", { modalities: ["text", "audio"] }, "modalities", /only text/],
  ])("refuses %s with a 400 unsupported_parameter naming the field, before any provider is called", async (_name, fields, param, message) => {
    const result = await complete<OpenAiErrorBody>({ model: "auto", messages: [{ role: "user", content: "hi" }], ...fields });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ type: "invalid_request_error", param, code: "unsupported_parameter" });
    expect(result.body.error.message).toMatch(message);
    expect(stubs.primary.requests.length + stubs.fallback.requests.length).toBe(0);
  });

  it("refuses tool calls and tool results in the history, naming the message", async () => {
    const toolCall = { id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } };
    const history = await complete<OpenAiErrorBody>({
      model: "auto",
      messages: [
        { role: "user", content: "weather?" },
        { role: "assistant", content: "", tool_calls: [toolCall] },
        { role: "tool", tool_call_id: "call_1", content: "sunny" },
      ],
    });
    expect(history.status).toBe(400);
    expect(history.body.error).toMatchObject({ param: "messages[1].tool_calls", code: "unsupported_parameter" });
    const result = await complete<OpenAiErrorBody>({
      model: "auto",
      messages: [{ role: "user", content: "weather?" }, { role: "tool", tool_call_id: "call_1", content: "sunny" }],
    });
    expect(result.body.error).toMatchObject({ param: "messages[1].role", code: "unsupported_parameter" });
  });

  it("accepts the fields that change nothing: user, seed, stream_options and the neutral values of unsupported ones", async () => {
    const result = await complete({
      model: "auto",
      messages: [{ role: "assistant", content: "Hi!", tool_calls: [] }, { role: "user", content: "hello" }],
      user: "customer-42",
      seed: 7,
      stream_options: { include_usage: false },
      metadata: { team: "a" },
      n: 1,
      tools: [],
      tool_choice: "none",
      parallel_tool_calls: false,
      response_format: { type: "text" },
      logprobs: false,
      top_p: 1,
      presence_penalty: 0,
      frequency_penalty: 0,
      stop: null,
      modalities: ["text"],
    });
    expect(result.status).toBe(200);
    expect(result.body.choices[0]!.message.content).toBe("Echo: hello");
  });

  it("answers missing, bad and read-only keys with OpenAI's authentication and permission errors", async () => {
    const readOnly = await complete<OpenAiErrorBody>({ model: "auto", messages: [{ role: "user", content: "hi" }] }, readKey.secret);
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error).toMatchObject({ type: "permission_error", param: null, code: "forbidden" });
    const badKey = await complete<OpenAiErrorBody>({ model: "auto", messages: [{ role: "user", content: "hi" }] }, "bc_nope");
    expect(badKey.status).toBe(401);
    expect(badKey.body).toEqual({
      error: { message: "The API key is invalid, expired or revoked.", type: "authentication_error", param: null, code: "invalid_api_key" },
    });
    const anonymous = await new TestClient().call<OpenAiErrorBody>(completions, "/api/v1/chat/completions", { body: { model: "auto" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ type: "authentication_error", code: "unauthorized" });
  });
});

describe("GET /api/v1/models", () => {
  it("lists auto and every configured model in the OpenAI format, for a read key", async () => {
    const result = await new TestClient().call<{ object: string; data: { id: string; object: string; owned_by: string }[] }>(
      listModels,
      "/api/v1/models",
      { headers: asKey(readKey.secret) },
    );
    expect(result.status).toBe(200);
    expect(result.body.object).toBe("list");
    expect(result.body.data[0]).toEqual({ id: "auto", object: "model", created: 0, owned_by: "baatcheet" });
    expect(result.body.data).toContainEqual({ id: "openai_compatible:stub-fast", object: "model", created: 0, owned_by: "openai_compatible" });
    expect(result.body.data.every((model) => model.object === "model")).toBe(true);
  });

  it("answers a bad key in the OpenAI error shape", async () => {
    const result = await new TestClient().call<OpenAiErrorBody>(listModels, "/api/v1/models", { headers: asKey("bc_nope") });
    expect(result.status).toBe(401);
    expect(result.body.error).toMatchObject({ type: "authentication_error", param: null, code: "invalid_api_key" });
  });
});
