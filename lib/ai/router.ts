// Streams one reply across key pools and providers. A failed attempt (429, 5xx, timeout,
// garbage) moves to the next healthy key, then to the next candidate model. If text already
// reached the user, the next model continues from it, so the reply reads as one.
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { APICallError, type ModelMessage } from "ai";
import type { CatalogueModel } from "./catalogue";
import { classifyFailure, type AcquiredKey, type KeyPool, type ResponseHeaders } from "./key-pool";
import { toProviderPrompt } from "./prompt";
import { languageModelFor } from "./providers";
import type { AiRuntime } from "./runtime";

export interface AttemptRecord {
  model: CatalogueModel;
  keyId: string;
  maskedKey: string;
  outcome: "success" | "failed" | "cut" | "aborted";
  status?: number;
  error?: string;
  latencyMs: number;
  timeToFirstTokenMs?: number;
  usage: { inputTokens: number; outputTokens: number };
  /** Characters this attempt contributed to the reply. */
  textLength: number;
}

export interface RouteRequest {
  candidates: CatalogueModel[];
  system?: string;
  messages: ModelMessage[];
  temperature?: number;
  maxOutputTokens?: number;
  abortSignal?: AbortSignal;
  /** No first token within this → next key. */
  firstTokenTimeoutMs?: number;
  /** Silence this long mid-stream → next key, continuing the text. */
  idleTimeoutMs?: number;
  onDelta?: (text: string) => void;
  onAttempt?: (attempt: AttemptRecord) => void | Promise<void>;
}

export interface RouteResult {
  status: "complete" | "aborted" | "failed";
  text: string;
  attempts: AttemptRecord[];
  /** The attempt that finished the reply, when one did. */
  final?: AttemptRecord;
  /** Set when status is "failed". */
  error?: { code: "provider_unavailable" | "bad_request"; message: string };
}

export const CONTINUE_INSTRUCTION =
  "Continue your previous reply exactly where it stopped. Do not repeat anything already written and do not comment on the interruption.";

class AttemptTimeout extends Error {
  constructor(readonly phase: "first_token" | "idle") {
    super(phase === "first_token" ? "no first token in time" : "the stream went silent");
  }
}

function describeError(error: unknown): { status?: number; headers?: ResponseHeaders; message: string } {
  if (APICallError.isInstance(error)) {
    // A 200 whose body broke mid-way is the provider's fault, not a refusal: no status to judge by.
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : undefined;
    return { status, headers: error.responseHeaders, message: error.message.slice(0, 300) };
  }
  if (error instanceof AttemptTimeout) return { message: error.message };
  return { message: error instanceof Error ? error.message.slice(0, 300) : String(error) };
}

function continuationMessages(messages: ModelMessage[], partial: string): ModelMessage[] {
  if (!partial) return messages;
  return [...messages, { role: "assistant", content: partial }, { role: "user", content: CONTINUE_INSTRUCTION }];
}

interface AttemptContext {
  runtime: AiRuntime;
  request: RouteRequest;
  model: CatalogueModel;
  key: AcquiredKey;
  pool: KeyPool;
  partial: string;
}

/** One call to one key. Resolves with what it streamed; throws only for the caller's abort. */
async function attempt(ctx: AttemptContext): Promise<{ record: AttemptRecord; text: string; finished: boolean }> {
  const { runtime, request, model, key, pool } = ctx;
  const started = runtime.now();
  const controller = new AbortController();
  const onAbort = () => controller.abort(request.abortSignal?.reason);
  request.abortSignal?.addEventListener("abort", onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timeoutError: AttemptTimeout | undefined;
  const arm = (phase: AttemptTimeout["phase"], ms: number | undefined) => {
    clearTimeout(timer);
    if (ms) timer = setTimeout(() => controller.abort((timeoutError = new AttemptTimeout(phase))), ms);
  };

  let text = "";
  let firstTokenAt: number | undefined;
  let usage = { inputTokens: 0, outputTokens: 0 };
  const record = (outcome: AttemptRecord["outcome"], extra: Partial<AttemptRecord> = {}): AttemptRecord => ({
    model,
    keyId: key.id,
    maskedKey: key.maskedKey,
    outcome,
    latencyMs: runtime.now() - started,
    timeToFirstTokenMs: firstTokenAt === undefined ? undefined : firstTokenAt - started,
    usage,
    textLength: text.length,
    ...extra,
  });

  let reader: ReadableStreamDefaultReader<LanguageModelV3StreamPart> | undefined;
  try {
    arm("first_token", request.firstTokenTimeoutMs);
    const { stream, response } = await languageModelFor({
      provider: runtime.registry.providers[model.provider],
      providerModelId: model.providerModelId,
      apiKey: key.apiKey,
    }).doStream({
      prompt: toProviderPrompt(request.system, continuationMessages(request.messages, ctx.partial)),
      temperature: request.temperature,
      maxOutputTokens: request.maxOutputTokens,
      abortSignal: controller.signal,
      includeRawChunks: false,
    });
    reader = stream.getReader();
    let finished = false;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const part = read.value;
      if (part.type === "text-delta" && part.delta) {
        firstTokenAt ??= runtime.now();
        arm("idle", request.idleTimeoutMs);
        text += part.delta;
        request.onDelta?.(part.delta);
      } else if (part.type === "error") {
        throw part.error;
      } else if (part.type === "finish") {
        usage = { inputTokens: part.usage.inputTokens.total ?? 0, outputTokens: part.usage.outputTokens.total ?? 0 };
        finished = true;
      }
    }
    if (!finished) throw new Error("the stream ended without finishing");
    pool.reportSuccess(key.id, { latencyMs: runtime.now() - started, headers: response?.headers });
    return { record: record("success"), text, finished: true };
  } catch (error) {
    reader?.cancel().catch(() => undefined);
    if (request.abortSignal?.aborted) {
      pool.release(key.id);
      return { record: record("aborted"), text, finished: false };
    }
    // Our own timeout surfaces as an abort of the fetch or the stream: report it as what it was.
    const failure = describeError(timeoutError ?? error);
    pool.reportFailure(key.id, { status: failure.status, headers: failure.headers, message: failure.message });
    return {
      record: record(text ? "cut" : "failed", { status: failure.status, error: failure.message }),
      text,
      finished: false,
    };
  } finally {
    clearTimeout(timer);
    request.abortSignal?.removeEventListener("abort", onAbort);
  }
}

export async function streamWithFailover(runtime: AiRuntime, request: RouteRequest): Promise<RouteResult> {
  const attempts: AttemptRecord[] = [];
  let text = "";
  for (const model of request.candidates) {
    const pool = runtime.pools.get(model.provider);
    if (!pool) continue;
    const tried = new Set<string>();
    for (let key = pool.acquire(tried); key; key = pool.acquire(tried)) {
      tried.add(key.id);
      const outcome = await attempt({ runtime, request, model, key, pool, partial: text });
      text += outcome.text;
      attempts.push(outcome.record);
      await request.onAttempt?.(outcome.record);
      if (outcome.finished) return { status: "complete", text, attempts, final: outcome.record };
      if (outcome.record.outcome === "aborted") return { status: "aborted", text, attempts };
      if (classifyFailure(outcome.record.status) === "request_error") {
        return {
          status: "failed",
          text,
          attempts,
          error: { code: "bad_request", message: `The provider refused the request: ${outcome.record.error ?? "bad request"}` },
        };
      }
    }
  }
  const tried = attempts.length;
  return {
    status: "failed",
    text,
    attempts,
    error: {
      code: "provider_unavailable",
      message:
        tried === 0
          ? "Every AI provider key is cooling down or disabled. Try again in a few seconds."
          : `Every AI provider failed (${tried} attempt${tried === 1 ? "" : "s"}). Try again in a moment.`,
    },
  };
}
