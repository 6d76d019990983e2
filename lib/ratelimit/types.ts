import type { LimitRule } from "./policies";

export interface LimitOutcome {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, in ms since the epoch. */
  reset: number;
}

/** Counts one request against `identifier` under `rule` (a sliding window). */
export interface RateLimitStore {
  kind: "memory" | "redis" | "upstash";
  /** The store's clock (ms since the epoch); tests give the memory store a fake one. */
  now(): number;
  limit(identifier: string, rule: LimitRule): Promise<LimitOutcome>;
}
