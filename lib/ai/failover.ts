// The one key-pool failover policy, for every model call (chat, completions, media answers,
// transcription): the candidates in order, each provider's usable keys in turn. Every attempt
// is reported to its key's health and written to the usage ledger here, and nowhere else; a
// request the provider refuses stops at once (any key would refuse it too); the caller's abort
// ends the call. What one attempt does (stream a reply, transcribe audio) is the caller's.
import "server-only";
import { APICallError } from "ai";
import type { AiProviderId } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordUsage, type LedgerContext } from "@/lib/usage/ledger-store";
import { failoverError, type FailoverFailure } from "./failover-error";
import { classifyFailure, type AcquiredKey, type ResponseHeaders } from "./key-pool";
import type { AiRuntime } from "./runtime";

/** Anything a key pool serves: a catalogue model, a transcription model. */
export interface FailoverModel {
  /** `<provider>:<model>`, as the ledger and the API name it. */
  id: string;
  provider: AiProviderId;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What one call to one key says about itself; latency is measured around it. */
export type KeyCallResult<T> =
  | ({ outcome: "success"; value: T; headers?: ResponseHeaders } & CallMeasures)
  | ({
      /** `cut`: it failed after part of the answer reached the user. */
      outcome: "failed" | "cut";
      /** HTTP status; undefined for a network failure or timeout. */
      status?: number;
      headers?: ResponseHeaders;
      error: string;
    } & CallMeasures)
  | ({ outcome: "aborted" } & CallMeasures);

interface CallMeasures {
  usage?: TokenUsage;
  costUsd?: number;
  timeToFirstTokenMs?: number;
}

export interface AttemptRecord<M extends FailoverModel = FailoverModel> {
  model: M;
  keyId: string;
  maskedKey: string;
  outcome: "success" | "failed" | "cut" | "aborted";
  status?: number;
  error?: string;
  latencyMs: number;
  timeToFirstTokenMs?: number;
  usage: TokenUsage;
  costUsd: number;
}

/** Whom the ledger rows are charged to. */
export interface UsageAccount {
  context: LedgerContext;
  /**
   * Rows wait for this: a chat reply's rows point at its message, which is written beside the
   * first attempt. When it rejects no row is written; the caller reports that failure.
   */
  after?: Promise<unknown>;
}

export type FailoverResult<M extends FailoverModel, T> =
  | { status: "complete"; value: T; final: AttemptRecord<M>; attempts: AttemptRecord<M>[] }
  | { status: "aborted"; attempts: AttemptRecord<M>[] }
  /** `error` is the API error for the failure (see failover-error.ts). */
  | { status: "failed"; error: AppError; attempts: AttemptRecord<M>[] };

export interface FailoverCall<M extends FailoverModel, T> {
  /** In failover order; a model whose provider has no pool is skipped. */
  candidates: readonly M[];
  usage: UsageAccount;
  /** Names the service in error messages, e.g. "speech-to-text provider". */
  service?: string;
  attempt: (target: { model: M; key: AcquiredKey }) => Promise<KeyCallResult<T>>;
  /** Called once each attempt is reported and accounted. */
  onAttempt?: (record: AttemptRecord<M>) => void;
}

/** A thrown call error as the key pool judges it. */
export function describeCallError(error: unknown): { status?: number; headers?: ResponseHeaders; message: string } {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  if (!APICallError.isInstance(error)) return { message };
  // A 200 whose body broke mid-way is the provider's fault, not a refusal: no status to judge by.
  const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : undefined;
  return { status, headers: error.responseHeaders, message };
}

export async function callWithFailover<M extends FailoverModel, T>(
  runtime: AiRuntime,
  call: FailoverCall<M, T>,
): Promise<FailoverResult<M, T>> {
  const attempts: AttemptRecord<M>[] = [];
  const fail = (failure: FailoverFailure): FailoverResult<M, T> => ({
    status: "failed",
    error: failoverError(failure, call.service),
    attempts,
  });
  for (const model of call.candidates) {
    const pool = runtime.pools.get(model.provider);
    if (!pool) continue;
    const tried = new Set<string>();
    for (let key = pool.acquire(tried); key; key = pool.acquire(tried)) {
      tried.add(key.id);
      const started = runtime.now();
      const result = await call.attempt({ model, key });
      const latencyMs = runtime.now() - started;
      if (result.outcome === "success") pool.reportSuccess(key.id, { latencyMs, headers: result.headers });
      else if (result.outcome === "aborted") pool.release(key.id);
      else pool.reportFailure(key.id, { status: result.status, headers: result.headers, message: result.error });

      const record: AttemptRecord<M> = {
        model,
        keyId: key.id,
        maskedKey: key.maskedKey,
        outcome: result.outcome,
        ...(result.outcome === "failed" || result.outcome === "cut" ? { status: result.status, error: result.error } : {}),
        latencyMs,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
        usage: result.usage ?? { inputTokens: 0, outputTokens: 0 },
        costUsd: result.costUsd ?? 0,
      };
      attempts.push(record);
      await account(call.usage, record);
      call.onAttempt?.(record);

      if (result.outcome === "success") return { status: "complete", value: result.value, final: record, attempts };
      if (result.outcome === "aborted") return { status: "aborted", attempts };
      if (classifyFailure(record.status) === "request_error") return fail({ kind: "rejected", message: result.error });
    }
  }
  return fail({ kind: "unavailable", attempts: attempts.length });
}

/** The answer of a call that ran to the end, or its API error (an aborted call answered nothing). */
export function completedOrThrow<M extends FailoverModel, T>(result: FailoverResult<M, T>) {
  if (result.status === "failed") throw result.error;
  if (result.status === "aborted") throw new AppError("provider_unavailable", "The AI call was stopped before it answered.");
  return result;
}

/**
 * One ledger row per attempt. A failed write is logged, not thrown: the answer was given (or
 * the failure is reported) either way, and a reply must not stay half-saved over accounting.
 */
async function account(usage: UsageAccount, record: AttemptRecord): Promise<void> {
  if (usage.after && !(await usage.after.then(() => true, () => false))) return;
  await recordUsage(usage.context, {
    provider: record.model.provider,
    model: record.model.id,
    providerKeyId: record.keyId,
    promptTokens: record.usage.inputTokens,
    completionTokens: record.usage.outputTokens,
    costMicroUsd: Math.round(record.costUsd * 1_000_000),
    latencyMs: Math.round(record.latencyMs),
    timeToFirstTokenMs: record.timeToFirstTokenMs === undefined ? null : Math.round(record.timeToFirstTokenMs),
    outcome: record.outcome === "success" ? "success" : record.outcome === "aborted" ? "aborted" : "error",
    errorCode: record.status ? `http_${record.status}` : record.error ? "network_or_timeout" : null,
  }).catch((error: unknown) => {
    log.error("usage ledger write failed", { error: error instanceof Error ? error.message : String(error) });
  });
}
