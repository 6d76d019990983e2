// One pool of API keys per provider, with health tracking, in memory (one process). The router
// acquires a key per attempt and reports how it went; a rate-limited or failing key cools down,
// a rejected key is dead until an admin enables it again, and load spreads over healthy keys.
import { z } from "zod";
import type { AiProviderId } from "@/lib/env";
import { listConfiguredProviders, type ProviderRegistry } from "./providers";

/** What a failed attempt says about the key: try another key, retire this one, or give up (the request is at fault). */
export type FailureClass = "retry_other_key" | "key_dead" | "request_error";

/**
 * 429 and 5xx are the provider's or the key's momentary trouble; 401/403 (and OpenRouter's 402,
 * out of credits) mean the key itself is refused; other 4xx (400, 404, 413, 422, …) are caused by
 * the request and would fail with any key. No status at all is a network failure or timeout.
 */
export function classifyFailure(status: number | undefined): FailureClass {
  if (status === undefined || status === 408 || status === 429 || status >= 500) return "retry_other_key";
  if (status === 401 || status === 402 || status === 403) return "key_dead";
  return "request_error";
}

export const DEFAULT_COOLDOWN_MS = 5_000;
/** Latency average weight of the newest sample: recent enough to notice a slow key, smooth enough to ignore one spike. */
const LATENCY_EWMA_WEIGHT = 0.3;
/** Keys whose latency is within this much of the fastest count as equally fast, so load still spreads. */
const LATENCY_TIE_RATIO = 1.25;
const LATENCY_TIE_SLACK_MS = 50;
const DAY_MS = 86_400_000;

export const keyStateSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("healthy") }),
  z.object({ kind: z.literal("cooling_down"), until: z.number().describe("Epoch milliseconds") }),
  z.object({ kind: z.literal("dead"), reason: z.string() }),
]);
export type KeyState = z.infer<typeof keyStateSchema>;

export const rateLimitSchema = z.object({
  remainingRequests: z.number().optional(),
  remainingTokens: z.number().optional(),
  resetRequests: z.string().optional().describe("As the provider sent it, e.g. `2m59.56s`"),
  resetTokens: z.string().optional(),
  seenAt: z.number(),
});
export type RateLimitSeen = z.infer<typeof rateLimitSchema>;

export const keyHealthSchema = z.object({
  id: z.string().describe("Stable key id, e.g. `groq#2`"),
  maskedKey: z.string().describe("First and last characters only; never the whole key"),
  state: keyStateSchema,
  requests: z.int(),
  failures: z.int(),
  consecutiveFailures: z.int(),
  inFlight: z.int(),
  latencyMs: z.number().nullable().describe("Moving average of successful calls"),
  lastError: z.object({ status: z.int().nullable(), message: z.string(), at: z.number() }).nullable(),
  rateLimit: rateLimitSchema.nullable(),
  requestsToday: z.int(),
  dailyCapacity: z.int().nullable(),
});
export type KeyHealth = z.infer<typeof keyHealthSchema>;

/** Response headers as the AI SDK hands them over (a plain object) or as fetch does. */
export type ResponseHeaders = Headers | Record<string, string | undefined>;

export interface AcquiredKey {
  id: string;
  /** Undefined for a keyless OpenAI-compatible server. */
  apiKey: string | undefined;
  /** Safe to log and to show, unlike `apiKey`. */
  maskedKey: string;
}

export interface SuccessReport {
  latencyMs: number;
  headers?: ResponseHeaders;
}

export interface FailureReport {
  /** HTTP status; undefined for a network failure or timeout. */
  status?: number;
  /** Takes precedence over the response's retry-after headers. */
  retryAfterSeconds?: number;
  headers?: ResponseHeaders;
  message?: string;
}

export interface KeyPool {
  readonly providerId: AiProviderId;
  /** The best usable key, counted as in flight until reported or released; null when none is usable. */
  acquire(exclude?: ReadonlySet<string>): AcquiredKey | null;
  reportSuccess(keyId: string, report: SuccessReport): void;
  reportFailure(keyId: string, report: FailureReport): FailureClass;
  /** Ends an attempt that says nothing about the key (the caller aborted it). */
  release(keyId: string): void;
  /** Admin action: brings a dead or cooling key back. */
  enable(keyId: string): void;
  snapshot(): KeyHealth[];
}

export interface KeyPoolOptions {
  providerId: AiProviderId;
  /** `undefined` stands for a server that needs no key; it still gets health tracking. */
  apiKeys: readonly (string | undefined)[];
  now?: () => number;
  /** Requests per key per UTC day, when the provider's free tier caps them. */
  dailyCapacity?: number;
}

interface PoolKey {
  id: string;
  apiKey: string | undefined;
  maskedKey: string;
  state: KeyState;
  requests: number;
  failures: number;
  consecutiveFailures: number;
  inFlight: number;
  latencyMs: number | null;
  lastError: KeyHealth["lastError"];
  rateLimit: RateLimitSeen | null;
  requestsToday: number;
  day: number;
}

/** Shows at most 4 characters at each end and never more than a third of the key. */
export function maskApiKey(apiKey: string | undefined): string {
  if (apiKey === undefined) return "(no key)";
  const shown = Math.min(4, Math.floor(apiKey.length / 6));
  if (shown === 0) return "…";
  return `${apiKey.slice(0, shown)}…${apiKey.slice(-shown)}`;
}

function readHeader(headers: ResponseHeaders | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

function readNumberHeader(headers: ResponseHeaders | undefined, name: string): number | undefined {
  const raw = readHeader(headers, name)?.trim();
  const value = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
}

/** `retry-after-ms` (OpenAI) is the most precise; `retry-after` is seconds or an HTTP date. */
export function retryAfterMs(headers: ResponseHeaders | undefined, now: number): number | undefined {
  const milliseconds = readNumberHeader(headers, "retry-after-ms");
  if (milliseconds !== undefined && milliseconds >= 0) return milliseconds;
  const seconds = readNumberHeader(headers, "retry-after");
  if (seconds !== undefined && seconds >= 0) return seconds * 1000;
  const retryAfter = readHeader(headers, "retry-after");
  if (retryAfter === undefined) return undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Parses the OpenAI/Groq reset format: `1m30.5s`, `6ms`, `2h0m0s`, or a bare number of seconds. */
export function parseResetDuration(value: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== value) return undefined;
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (units[unit ?? ""] ?? 0), 0);
}

function readRateLimit(headers: ResponseHeaders | undefined, now: number): RateLimitSeen | null {
  const rateLimit: RateLimitSeen = {
    remainingRequests: readNumberHeader(headers, "x-ratelimit-remaining-requests"),
    remainingTokens: readNumberHeader(headers, "x-ratelimit-remaining-tokens"),
    resetRequests: readHeader(headers, "x-ratelimit-reset-requests"),
    resetTokens: readHeader(headers, "x-ratelimit-reset-tokens"),
    seenAt: now,
  };
  const seen = Object.entries(rateLimit).some(([field, value]) => field !== "seenAt" && value !== undefined);
  return seen ? rateLimit : null;
}

export function createKeyPool({ providerId, apiKeys, now = Date.now, dailyCapacity }: KeyPoolOptions): KeyPool {
  const keys: PoolKey[] = apiKeys.map((apiKey, index) => ({
    id: `${providerId}#${index + 1}`,
    apiKey,
    maskedKey: maskApiKey(apiKey),
    state: { kind: "healthy" },
    requests: 0,
    failures: 0,
    consecutiveFailures: 0,
    inFlight: 0,
    latencyMs: null,
    lastError: null,
    rateLimit: null,
    requestsToday: 0,
    day: Math.floor(now() / DAY_MS),
  }));
  // Index of the key after the last one handed out: where the next tie-break starts.
  let roundRobinCursor = 0;

  function keyOrThrow(keyId: string): PoolKey {
    const key = keys.find((candidate) => candidate.id === keyId);
    if (!key) throw new Error(`Unknown key ${keyId} in the ${providerId} pool.`);
    return key;
  }

  /** Expires cooldowns and rolls the daily counter over; state changes with time, not only with reports. */
  function refresh(key: PoolKey, at: number) {
    if (key.state.kind === "cooling_down" && at >= key.state.until) key.state = { kind: "healthy" };
    const today = Math.floor(at / DAY_MS);
    if (today !== key.day) {
      key.day = today;
      key.requestsToday = 0;
    }
  }

  function isUsable(key: PoolKey): boolean {
    if (key.state.kind !== "healthy") return false;
    return dailyCapacity === undefined || key.requestsToday < dailyCapacity;
  }

  function coolDown(key: PoolKey, until: number) {
    const current = key.state.kind === "cooling_down" ? key.state.until : 0;
    if (key.state.kind !== "dead") key.state = { kind: "cooling_down", until: Math.max(current, until) };
  }

  function endAttempt(key: PoolKey) {
    key.inFlight = Math.max(0, key.inFlight - 1);
  }

  /** Fewest in flight, then (about) the fastest, then round-robin from the cursor. */
  function pickBest(candidates: PoolKey[]): PoolKey | undefined {
    const fewestInFlight = Math.min(...candidates.map((key) => key.inFlight));
    const leastBusy = candidates.filter((key) => key.inFlight === fewestInFlight);
    // An unmeasured key counts as fastest, so every key gets measured early.
    const fastest = Math.min(...leastBusy.map((key) => key.latencyMs ?? 0));
    const threshold = fastest * LATENCY_TIE_RATIO + LATENCY_TIE_SLACK_MS;
    const tied = leastBusy.filter((key) => (key.latencyMs ?? 0) <= threshold);
    return tied.find((key) => keys.indexOf(key) >= roundRobinCursor) ?? tied[0];
  }

  return {
    providerId,

    acquire(exclude) {
      const at = now();
      keys.forEach((key) => refresh(key, at));
      const key = pickBest(keys.filter((candidate) => isUsable(candidate) && !exclude?.has(candidate.id)));
      if (!key) return null;
      roundRobinCursor = keys.indexOf(key) + 1;
      key.inFlight += 1;
      key.requests += 1;
      key.requestsToday += 1;
      return { id: key.id, apiKey: key.apiKey, maskedKey: key.maskedKey };
    },

    reportSuccess(keyId, { latencyMs, headers }) {
      const key = keyOrThrow(keyId);
      const at = now();
      endAttempt(key);
      key.consecutiveFailures = 0;
      key.latencyMs =
        key.latencyMs === null ? latencyMs : LATENCY_EWMA_WEIGHT * latencyMs + (1 - LATENCY_EWMA_WEIGHT) * key.latencyMs;
      const rateLimit = readRateLimit(headers, at);
      if (!rateLimit) return;
      key.rateLimit = rateLimit;
      // The provider says this key has no requests left: rest it until the window resets
      // instead of spending an attempt on a certain 429.
      const resetMs = rateLimit.resetRequests === undefined ? undefined : parseResetDuration(rateLimit.resetRequests);
      if (rateLimit.remainingRequests === 0 && resetMs !== undefined) coolDown(key, at + resetMs);
    },

    reportFailure(keyId, { status, retryAfterSeconds, headers, message }) {
      const key = keyOrThrow(keyId);
      const at = now();
      endAttempt(key);
      const failure = classifyFailure(status);
      if (failure === "request_error") return failure;

      key.failures += 1;
      key.consecutiveFailures += 1;
      const text = message ?? (status === undefined ? "network error" : `HTTP ${status}`);
      // Error bodies sometimes echo the key back; the snapshot must never show it.
      const safeText = key.apiKey ? text.replaceAll(key.apiKey, key.maskedKey) : text;
      key.lastError = { status: status ?? null, message: safeText, at };
      key.rateLimit = readRateLimit(headers, at) ?? key.rateLimit;

      if (failure === "key_dead") {
        key.state = { kind: "dead", reason: safeText };
      } else {
        const waitMs = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : retryAfterMs(headers, at);
        coolDown(key, at + (waitMs ?? DEFAULT_COOLDOWN_MS));
      }
      return failure;
    },

    release(keyId) {
      endAttempt(keyOrThrow(keyId));
    },

    enable(keyId) {
      const key = keyOrThrow(keyId);
      key.state = { kind: "healthy" };
      key.consecutiveFailures = 0;
    },

    snapshot() {
      const at = now();
      return keys.map((key) => {
        refresh(key, at);
        // A copy, so a caller cannot change the pool's state through it.
        return structuredClone({
          id: key.id,
          maskedKey: key.maskedKey,
          state: key.state,
          requests: key.requests,
          failures: key.failures,
          consecutiveFailures: key.consecutiveFailures,
          inFlight: key.inFlight,
          latencyMs: key.latencyMs === null ? null : Math.round(key.latencyMs),
          lastError: key.lastError,
          rateLimit: key.rateLimit,
          requestsToday: key.requestsToday,
          dailyCapacity: dailyCapacity ?? null,
        });
      });
    },
  };
}

/** One pool per configured provider; a keyless OpenAI-compatible server gets a single keyless entry. */
export function createKeyPools(
  registry: ProviderRegistry,
  options: { now?: () => number; dailyCapacity?: Partial<Record<AiProviderId, number>> } = {},
): Map<AiProviderId, KeyPool> {
  return new Map(
    listConfiguredProviders(registry).map((provider) => [
      provider.id,
      createKeyPool({
        providerId: provider.id,
        apiKeys: provider.apiKeys.length > 0 ? provider.apiKeys : [undefined],
        now: options.now,
        dailyCapacity: options.dailyCapacity?.[provider.id],
      }),
    ]),
  );
}
