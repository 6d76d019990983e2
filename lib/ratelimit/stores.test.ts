import IORedis from "ioredis";
import { afterAll, afterEach, describe, it, vi } from "vitest";
import { env } from "@/lib/env";
import { createMemoryStore } from "./memory-store";
import { slidingWindowScenario } from "./sliding-window.scenario";
import { createTcpRedisStore } from "./store";

describe("rate-limit stores: sliding window with a fake clock", () => {
  it("in memory", async () => {
    let clock = 0;
    await slidingWindowScenario(createMemoryStore({ now: () => clock }), (ms) => (clock = ms));
  });

  const redisTitle = env.REDIS_URL
    ? `Redis at ${env.REDIS_URL} through @upstash/ratelimit`
    : "Redis through @upstash/ratelimit — SKIPPED: REDIS_URL is not set";
  describe.skipIf(!env.REDIS_URL)(redisTitle, () => {
    const redis = env.REDIS_URL ? createTcpRedisStore(env.REDIS_URL) : undefined;
    afterEach(() => vi.useRealTimers());
    afterAll(() => redis?.close());

    it("walks the same window (the clock is the limiter's, Redis only counts)", async () => {
      // Only Date is faked: the Redis client's own timers keep running.
      vi.useFakeTimers({ toFake: ["Date"] });
      await slidingWindowScenario(redis!.store, (ms) => vi.setSystemTime(ms));
    });

    it("keeps working when Redis forgot its scripts (NOSCRIPT → EVAL)", async () => {
      const { store } = redis!;
      const rule = { limit: 2, windowSeconds: 10 };
      const id = `noscript:${Date.now()}`;
      await store.limit(id, rule);
      const client = new IORedis(env.REDIS_URL!);
      await client.script("FLUSH");
      client.disconnect();
      const outcome = await store.limit(id, rule);
      if (!outcome.success || outcome.remaining !== 0) throw new Error(`unexpected ${JSON.stringify(outcome)}`);
    });
  });
});
