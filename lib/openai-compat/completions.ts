// POST /api/v1/chat/completions: an OpenAI request in, through the same candidates, key pools
// and failover as the chat, an OpenAI response out (JSON, or SSE ending in `data: [DONE]`).
// Every attempt is a usage-ledger row tagged with the API key.
import "server-only";
import { randomBytes } from "node:crypto";
import type { ModelMessage } from "ai";
import { streamWithFailover, type RouteRequest, type RouteResult } from "@/lib/ai/router";
import { aiRuntime, type AiRuntime } from "@/lib/ai/runtime";
import type { Principal } from "@/lib/auth/principal";
import { openAiErrorBody } from "@/lib/http/openai-errors";
import { SSE_HEADERS, sseChannel } from "@/lib/http/sse";
import { candidatesFor } from "./models";
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, OpenAiMessage } from "./schemas";

const textOf = (content: OpenAiMessage["content"]) =>
  typeof content === "string" ? content : content.map((part) => part.text).join("");

export function toModelMessages(messages: OpenAiMessage[]): ModelMessage[] {
  return messages.map((message): ModelMessage => {
    const text = textOf(message.content);
    if (message.role === "system" || message.role === "developer") return { role: "system", content: text };
    return message.role === "assistant" ? { role: "assistant", content: text } : { role: "user", content: text };
  });
}

function usageOf(result: RouteResult) {
  const prompt = result.attempts.reduce((sum, attempt) => sum + attempt.usage.inputTokens, 0);
  const completion = result.attempts.reduce((sum, attempt) => sum + attempt.usage.outputTokens, 0);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** The client went away before anything was sent: nobody reads this. */
const abandoned = () => new Response(null, { status: 499 });

export async function createChatCompletion(options: {
  principal: Principal;
  input: ChatCompletionRequest;
  signal: AbortSignal;
}): Promise<Response> {
  const { principal, input } = options;
  const runtime = aiRuntime();
  const lastUser = input.messages.findLast((message) => message.role === "user");
  const candidates = candidatesFor({ available: runtime.models, model: input.model, text: lastUser ? textOf(lastUser.content) : "" });
  const id = `chatcmpl-${randomBytes(12).toString("base64url")}`;
  const created = Math.floor(Date.now() / 1000);
  const stop = new AbortController();
  const request: RouteRequest = {
    candidates,
    messages: toModelMessages(input.messages),
    temperature: input.temperature,
    maxOutputTokens: input.max_completion_tokens ?? input.max_tokens,
    abortSignal: AbortSignal.any([options.signal, stop.signal]),
    firstTokenTimeoutMs: runtime.timeouts.firstTokenMs,
    idleTimeoutMs: runtime.timeouts.idleMs,
    usage: { context: { userId: principal.userId, apiKeyId: principal.apiKey?.id } },
  };

  if (!input.stream) {
    const result = await streamWithFailover(runtime, request);
    if (result.status === "aborted") return abandoned();
    if (result.status === "failed") throw result.error;
    const body: ChatCompletion = {
      id,
      object: "chat.completion",
      created,
      model: result.final.model.id,
      choices: [{ index: 0, message: { role: "assistant", content: result.text, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: usageOf(result),
    };
    return Response.json(body);
  }
  return streamCompletion({ runtime, request, id, created, includeUsage: input.stream_options?.include_usage ?? false, stop });
}

/**
 * Holds the response until the first token (or the end), so a request every provider refuses
 * is still a plain JSON error with its status; after that, a failure arrives as OpenAI sends one
 * mid-stream, a `data: {"error": {message, type, param, code}}` event, which OpenAI clients raise.
 */
async function streamCompletion(options: {
  runtime: AiRuntime;
  request: RouteRequest;
  id: string;
  created: number;
  includeUsage: boolean;
  stop: AbortController;
}): Promise<Response> {
  const { runtime, request, id, created, includeUsage, stop } = options;
  const { stream, send, close } = sseChannel({ onCancel: () => stop.abort() });

  let model = request.candidates[0]!.id;
  const chunk = (delta: ChatCompletionChunk["choices"][number]["delta"], finish: "stop" | null = null): ChatCompletionChunk => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    ...(includeUsage ? { usage: null } : {}),
  });

  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  let first = true;
  const finished = streamWithFailover(runtime, {
    ...request,
    onAttempt: (attempt) => {
      model = attempt.model.id;
    },
    onDelta: (text) => {
      if (first) {
        first = false;
        send(chunk({ role: "assistant", content: "" }));
        markStarted();
      }
      send(chunk({ content: text }));
    },
  });

  const outcome = await Promise.race([started.then(() => "streaming" as const), finished]);
  if (outcome !== "streaming") {
    if (outcome.status === "aborted") return abandoned();
    if (outcome.status === "failed") throw outcome.error;
    // Complete without any text: still a valid (empty) stream.
    send(chunk({ role: "assistant", content: "" }));
  }

  void finished.then((result) => {
    if (result.status === "complete") {
      model = result.final.model.id;
      send(chunk({}, "stop"));
      if (includeUsage) send({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usageOf(result) });
      send("[DONE]");
    } else if (result.status === "failed") {
      send(openAiErrorBody(result.error));
    }
    close();
  });

  return new Response(stream, { headers: SSE_HEADERS });
}
