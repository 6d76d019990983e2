// One scenario, run against every store: the in-memory one and Redis through @upstash/ratelimit.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { RateLimitStore } from "./types";

/** Walks a 3-per-minute sliding window through a fake clock starting at a window boundary. */
export async function slidingWindowScenario(store: RateLimitStore, setClock: (ms: number) => void) {
  const rule = { limit: 3, windowSeconds: 60 };
  const id = `scenario:${randomUUID()}`;
  const start = Math.ceil(Date.UTC(2030, 0, 1) / 60_000) * 60_000;
  setClock(start + 10_000);

  const first = [await store.limit(id, rule), await store.limit(id, rule), await store.limit(id, rule)];
  expect(first.map((outcome) => [outcome.success, outcome.remaining])).toEqual([
    [true, 2],
    [true, 1],
    [true, 0],
  ]);
  expect(first[0]!.limit).toBe(3);
  expect(first[0]!.reset).toBe(start + 60_000);

  const refused = await store.limit(id, rule);
  expect(refused).toMatchObject({ success: false, remaining: 0, limit: 3, reset: start + 60_000 });

  // Another identifier has its own budget.
  expect((await store.limit(`${id}:other`, rule)).success).toBe(true);

  // Just after the window ends, the previous window still weighs floor(3 × 59/60) = 2: one more fits.
  setClock(start + 61_000);
  expect(await store.limit(id, rule)).toMatchObject({ success: true, remaining: 0, reset: start + 120_000 });
  expect((await store.limit(id, rule)).success).toBe(false);

  // Half-way through, floor(3 × 1/2) = 1 earlier request still counts, plus the 1 in this window.
  setClock(start + 90_000);
  const later = [await store.limit(id, rule), await store.limit(id, rule)];
  expect(later.map((outcome) => [outcome.success, outcome.remaining])).toEqual([
    [true, 0],
    [false, 0],
  ]);

  // Two windows later everything has aged out.
  setClock(start + 180_000 + 1);
  expect(await store.limit(id, rule)).toMatchObject({ success: true, remaining: 2 });
}
