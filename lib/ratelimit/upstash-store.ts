// Limits kept in Redis by @upstash/ratelimit's sliding window: Upstash over REST, or any Redis
// over TCP through the small adapter below.
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis as UpstashRedis } from "@upstash/redis";
import { createHash } from "node:crypto";
import type { LimitRule } from "./policies";
import type { LimitOutcome, RateLimitStore } from "./types";

/** The commands @upstash/ratelimit's single-region limiters call (see its `safeEval`). */
export interface ScriptRunner {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
}

/** What the adapter needs from a TCP Redis client (ioredis's signatures). */
export interface TcpRedisClient {
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, a flag only Upstash
 * knows: Redis 7 refuses the script ("Unexpected flag in script shebang"). The adapter drops
 * that line and maps the library's script hashes to the hashes of the scripts Redis ran, so
 * EVALSHA still saves sending the script on every call. An unknown hash answers NOSCRIPT,
 * which makes the library fall back to EVAL, as it does after a Redis restart.
 */
export function scriptRunnerFor(client: TcpRedisClient): ScriptRunner {
  const loaded = new Map<string, string>();
  const flat = (keys: string[], args: unknown[]) => [...keys, ...args.map(String)];
  return {
    async evalsha(sha, keys, args) {
      const ours = loaded.get(sha);
      if (!ours) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return client.evalsha(ours, keys.length, ...flat(keys, args));
    },
    async eval(script, keys, args) {
      const runnable = script.replace(/^#!lua[^\n]*\n/, "");
      loaded.set(sha1(script), sha1(runnable));
      return client.eval(runnable, keys.length, ...flat(keys, args));
    },
  };
}

export function createUpstashStore(kind: "redis" | "upstash", redis: ScriptRunner | UpstashRedis): RateLimitStore {
  const limiters = new Map<string, Ratelimit>();
  const limiterFor = (rule: LimitRule) => {
    const id = `${rule.limit}/${rule.windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        // The limiter only calls evalsha/eval on it (checked against @upstash/ratelimit 2.2).
        redis: redis as UpstashRedis,
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: `bc:rl:${id}`,
        analytics: false,
        // Its cache of blocked identifiers would refuse until the window ends even when the
        // sliding count already allows a request; Redis decides every time, like the memory store.
        ephemeralCache: false,
        enableProtection: false,
        enableTelemetry: false,
        // If Redis does not answer in time, let the request through rather than fail the API.
        timeout: 2000,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    kind,
    now: () => Date.now(),
    async limit(identifier, rule): Promise<LimitOutcome> {
      const result = await limiterFor(rule).limit(identifier);
      return { success: result.success, limit: result.limit, remaining: result.remaining, reset: result.reset };
    },
  };
}
