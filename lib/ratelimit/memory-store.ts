// The in-memory limiter (single instance): the same sliding-window algorithm as
// @upstash/ratelimit's `slidingWindow` (its Lua script, in JS), with an injectable clock.
// @upstash/ratelimit's own `ephemeralCache` only remembers identifiers that Redis already
// blocked; it is not a limiter by itself, so the embedded default needs this.
import type { LimitOutcome, RateLimitStore } from "./types";

export function createMemoryStore(options: { now?: () => number } = {}): RateLimitStore {
  const now = options.now ?? Date.now;
  const counts = new Map<string, { count: number; expiresAt: number }>();
  let calls = 0;

  const read = (key: string, at: number) => {
    const entry = counts.get(key);
    if (!entry) return 0;
    if (entry.expiresAt <= at) {
      counts.delete(key);
      return 0;
    }
    return entry.count;
  };

  const sweep = (at: number) => {
    for (const [key, entry] of counts) if (entry.expiresAt <= at) counts.delete(key);
  };

  return {
    kind: "memory",
    now,
    async limit(identifier, rule): Promise<LimitOutcome> {
      const at = now();
      // Expired windows are dropped as they are read; a full sweep now and then bounds memory.
      if (++calls % 1000 === 0) sweep(at);
      const windowMs = rule.windowSeconds * 1000;
      const currentWindow = Math.floor(at / windowMs);
      const currentKey = `${identifier}:${currentWindow}`;
      const inCurrent = read(currentKey, at);
      const inPrevious = read(`${identifier}:${currentWindow - 1}`, at);
      const weightedPrevious = Math.floor((1 - (at % windowMs) / windowMs) * inPrevious);
      const reset = (currentWindow + 1) * windowMs;
      if (weightedPrevious + inCurrent >= rule.limit) return { success: false, limit: rule.limit, remaining: 0, reset };
      counts.set(currentKey, { count: inCurrent + 1, expiresAt: at + windowMs * 2 + 1000 });
      return { success: true, limit: rule.limit, remaining: Math.max(0, rule.limit - (inCurrent + 1 + weightedPrevious)), reset };
    },
  };
}
