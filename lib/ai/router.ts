// Streams one reply across key pools and providers, through the one failover policy
// (failover.ts): a failed attempt (429, 5xx, timeout, garbage) moves to the next healthy key,
// then to the next candidate model. If text already reached the user, the next model continues
// from it, so the reply reads as one. Models come from a cache and stream through doStream.
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import type { ModelMessage } from "ai";
import { estimateCostUsd, type CatalogueModel } from "./catalogue";
import {
  callWithFailover,
  describeCallError,
  type AttemptRecord,
  type FailoverResult,
  type KeyCallResult,
  type UsageAccount,
} from "./failover";
import type { AcquiredKey } from "./key-pool";
import { toProviderPrompt } from "./prompt";
import { languageModelFor } from "./providers";
import type { AiRuntime } from "./runtime";

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
  /** Every attempt is a ledger row charged to this. */
  usage: UsageAccount;
  onDelta?: (text: string) => void;
  onAttempt?: (attempt: AttemptRecord<CatalogueModel>) => void;
}

/** The failover result, with the text that reached the user whatever the outcome. */
export type RouteResult = FailoverResult<CatalogueModel, string> & { text: string };

export const CONTINUE_INSTRUCTION =
  "Continue your previous reply exactly where it stopped. Do not repeat anything already written and do not comment on the interruption.";

class AttemptTimeout extends Error {
  constructor(readonly phase: "first_token" | "idle") {
    super(phase === "first_token" ? "no first token in time" : "the stream went silent");
  }
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
  /** What earlier attempts already streamed: this one continues from it. */
  partial: string;
  /** Receives each piece this attempt streams. */
  onText: (delta: string) => void;
}

/** One streamed call to one key. Never throws: a failure is a result, the caller's abort too. */
async function streamAttempt(ctx: AttemptContext): Promise<KeyCallResult<string>> {
  const { runtime, request, model, key } = ctx;
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
  const measures = () => ({
    usage,
    costUsd: estimateCostUsd(model, usage),
    timeToFirstTokenMs: firstTokenAt === undefined ? undefined : firstTokenAt - started,
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
        ctx.onText(part.delta);
      } else if (part.type === "error") {
        throw part.error;
      } else if (part.type === "finish") {
        usage = { inputTokens: part.usage.inputTokens.total ?? 0, outputTokens: part.usage.outputTokens.total ?? 0 };
        finished = true;
      }
    }
    if (!finished) throw new Error("the stream ended without finishing");
    return { outcome: "success", value: text, headers: response?.headers, ...measures() };
  } catch (error) {
    reader?.cancel().catch(() => undefined);
    if (request.abortSignal?.aborted) return { outcome: "aborted", ...measures() };
    // Our own timeout surfaces as an abort of the fetch or the stream: report it as what it was.
    const failure = describeCallError(timeoutError ?? error);
    return { outcome: text ? "cut" : "failed", status: failure.status, headers: failure.headers, error: failure.message, ...measures() };
  } finally {
    clearTimeout(timer);
    request.abortSignal?.removeEventListener("abort", onAbort);
  }
}

export async function streamWithFailover(runtime: AiRuntime, request: RouteRequest): Promise<RouteResult> {
  let text = "";
  const result = await callWithFailover(runtime, {
    candidates: request.candidates,
    usage: request.usage,
    onAttempt: request.onAttempt,
    attempt: ({ model, key }) =>
      streamAttempt({
        runtime,
        request,
        model,
        key,
        partial: text,
        onText: (delta) => {
          text += delta;
          request.onDelta?.(delta);
        },
      }),
  });
  return { ...result, text };
}
