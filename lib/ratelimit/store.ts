// The process-wide rate-limit store, chosen by env: Upstash Redis (UPSTASH_REDIS_REST_URL and
// token), else a Redis server (REDIS_URL), else memory (one instance only). RATE_LIMITS=off → none.
import "server-only";
import { Redis as UpstashRedis } from "@upstash/redis";
import IORedis from "ioredis";
import { env } from "@/lib/env";
import { processSingleton, replaceProcessSingleton } from "@/lib/process/singleton";
import { createMemoryStore } from "./memory-store";
import type { RateLimitStore } from "./types";
import { createUpstashStore, scriptRunnerFor } from "./upstash-store";

export function createTcpRedisStore(url: string): { store: RateLimitStore; close(): Promise<void> } {
  // Fail fast rather than queue: an unreachable Redis lets requests through (see enforce.ts).
  const client = new IORedis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false, lazyConnect: false });
  client.on("error", () => undefined);
  return {
    store: createUpstashStore("redis", scriptRunnerFor(client)),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

function storeFromEnv(): RateLimitStore | null {
  if (env.RATE_LIMITS === "off") return null;
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return createUpstashStore("upstash", new UpstashRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }));
  }
  if (env.REDIS_URL) return createTcpRedisStore(env.REDIS_URL).store;
  return createMemoryStore();
}

export function rateLimitStore(): RateLimitStore | null {
  return processSingleton("rate-limit-store", storeFromEnv);
}

/** Tests install their own store (or none). */
export function setRateLimitStore(store: RateLimitStore | null): void {
  replaceProcessSingleton("rate-limit-store", store);
}
