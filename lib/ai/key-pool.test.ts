import { beforeEach, describe, expect, it } from "vitest";
import { parseProviderEnv } from "@/lib/env";
import {
  DEFAULT_COOLDOWN_MS,
  classifyFailure,
  createKeyPool,
  createKeyPools,
  maskApiKey,
  parseResetDuration,
  type KeyPool,
} from "./key-pool";
import { createProviderRegistry } from "./providers";

const KEY_1 = "gsk_live_first_key_0000000000a1b2";
const KEY_2 = "gsk_live_second_key_111111111c3d4";
const KEY_3 = "gsk_live_third_key_2222222222e5f6";

let time: number;
const now = () => time;

function pool(apiKeys: string[], options: { dailyCapacity?: number } = {}): KeyPool {
  return createKeyPool({ providerId: "groq", apiKeys, now, ...options });
}

/** Acquires and immediately reports success, as a sequential caller would. */
function completeOne(keyPool: KeyPool, latencyMs = 100): string | undefined {
  const key = keyPool.acquire();
  if (key) keyPool.reportSuccess(key.id, { latencyMs });
  return key?.id;
}

function health(keyPool: KeyPool, keyId: string) {
  const entry = keyPool.snapshot().find((key) => key.id === keyId);
  if (!entry) throw new Error(`no ${keyId} in snapshot`);
  return entry;
}

beforeEach(() => {
  // Mid-day UTC, so a few hours of fake time never cross midnight by accident.
  time = Date.UTC(2026, 10, 25, 12, 0, 0);
});

describe("classifyFailure", () => {
  it.each([
    [429, "retry_other_key"],
    [500, "retry_other_key"],
    [503, "retry_other_key"],
    [408, "retry_other_key"],
    [undefined, "retry_other_key"],
    [401, "key_dead"],
    [403, "key_dead"],
    [402, "key_dead"],
    [400, "request_error"],
    [404, "request_error"],
    [413, "request_error"],
    [422, "request_error"],
  ] as const)("status %s → %s", (status, expected) => {
    expect(classifyFailure(status)).toBe(expected);
  });
});

describe("cooldown", () => {
  it("honours retryAfterSeconds to the millisecond", () => {
    const keyPool = pool([KEY_1]);
    const key = keyPool.acquire()!;
    expect(keyPool.reportFailure(key.id, { status: 429, retryAfterSeconds: 2.5 })).toBe("retry_other_key");

    time += 2_499;
    expect(keyPool.acquire()).toBeNull();
    expect(health(keyPool, key.id).state).toEqual({ kind: "cooling_down", until: time + 1 });
    time += 1;
    expect(keyPool.acquire()?.id).toBe(key.id);
  });

  it("reads retry-after-ms, retry-after seconds and retry-after dates from the response headers", () => {
    const cases = [
      { headers: { "retry-after-ms": "1234" }, waitMs: 1_234 },
      { headers: new Headers({ "Retry-After": "7" }), waitMs: 7_000 },
      { headers: { "retry-after": new Date(Date.UTC(2026, 10, 25, 12, 0, 30)).toUTCString() }, waitMs: 30_000 },
    ];
    for (const { headers, waitMs } of cases) {
      const keyPool = pool([KEY_1]);
      const start = time;
      keyPool.reportFailure(keyPool.acquire()!.id, { status: 429, headers });
      time = start + waitMs - 1;
      expect(keyPool.acquire(), `still cooling just before ${waitMs} ms`).toBeNull();
      time = start + waitMs;
      expect(keyPool.acquire(), `usable at ${waitMs} ms`).not.toBeNull();
      time = start;
    }
  });

  it("defaults to 5 s when a 5xx gives no retry-after", () => {
    const keyPool = pool([KEY_1]);
    keyPool.reportFailure(keyPool.acquire()!.id, { status: 503 });
    time += DEFAULT_COOLDOWN_MS - 1;
    expect(keyPool.acquire()).toBeNull();
    time += 1;
    expect(keyPool.acquire()).not.toBeNull();
    expect(DEFAULT_COOLDOWN_MS).toBe(5_000);
  });

  it("sends no traffic to a cooling key until its time, then takes it back into rotation", () => {
    const keyPool = pool([KEY_1, KEY_2]);
    const first = keyPool.acquire()!;
    expect(first.id).toBe("groq#1");
    keyPool.reportFailure(first.id, { status: 429, retryAfterSeconds: 10 });

    const served: (string | undefined)[] = [];
    for (let step = 0; step < 20; step++) {
      served.push(completeOne(keyPool));
      time += 499;
    }
    expect(time).toBeLessThan(Date.UTC(2026, 10, 25, 12, 0, 10));
    expect(new Set(served)).toEqual(new Set(["groq#2"]));

    time = Date.UTC(2026, 10, 25, 12, 0, 10);
    const after = [completeOne(keyPool), completeOne(keyPool)];
    expect(after).toContain("groq#1");
  });

  it("rests a key whose rate-limit headers say no requests remain, until the window resets", () => {
    const keyPool = pool([KEY_1]);
    keyPool.reportSuccess(keyPool.acquire()!.id, {
      latencyMs: 80,
      headers: {
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-remaining-tokens": "5400",
        "x-ratelimit-reset-requests": "1m0.5s",
      },
    });
    expect(health(keyPool, "groq#1").rateLimit).toMatchObject({
      remainingRequests: 0,
      remainingTokens: 5_400,
      resetRequests: "1m0.5s",
    });
    time += 60_499;
    expect(keyPool.acquire()).toBeNull();
    time += 1;
    expect(keyPool.acquire()).not.toBeNull();
  });
});

describe("dead keys", () => {
  it("stays dead, whatever the time, until an admin enables it", () => {
    const keyPool = pool([KEY_1]);
    const key = keyPool.acquire()!;
    expect(keyPool.reportFailure(key.id, { status: 401, message: "Invalid API Key" })).toBe("key_dead");

    time += 30 * 86_400_000;
    expect(keyPool.acquire()).toBeNull();
    expect(health(keyPool, key.id).state).toEqual({ kind: "dead", reason: "Invalid API Key" });

    keyPool.enable(key.id);
    expect(keyPool.acquire()?.id).toBe(key.id);
    expect(health(keyPool, key.id)).toMatchObject({ state: { kind: "healthy" }, consecutiveFailures: 0 });
  });

  it("is not revived by a later cooldown or success report", () => {
    const keyPool = pool([KEY_1]);
    keyPool.reportFailure(keyPool.acquire()!.id, { status: 403 });
    keyPool.reportFailure("groq#1", { status: 429, retryAfterSeconds: 1 });
    time += 2_000;
    expect(health(keyPool, "groq#1").state.kind).toBe("dead");
  });
});

describe("selection", () => {
  it("spreads sequential load round-robin over equally good keys", () => {
    const keyPool = pool([KEY_1, KEY_2, KEY_3]);
    const served = Array.from({ length: 9 }, () => completeOne(keyPool));
    expect(served).toEqual(["groq#1", "groq#2", "groq#3", "groq#1", "groq#2", "groq#3", "groq#1", "groq#2", "groq#3"]);
    expect(keyPool.snapshot().map((key) => key.requests)).toEqual([3, 3, 3]);
  });

  it("prefers the key with the fewest requests in flight", () => {
    const keyPool = pool([KEY_1, KEY_2, KEY_3]);
    const held = [keyPool.acquire()!, keyPool.acquire()!, keyPool.acquire()!];
    expect(new Set(held.map((key) => key.id)).size).toBe(3);

    keyPool.reportSuccess("groq#2", { latencyMs: 100 });
    expect(keyPool.acquire()?.id).toBe("groq#2");
    expect(health(keyPool, "groq#2").inFlight).toBe(1);
  });

  it("prefers a clearly faster key, but treats similar latencies as a tie", () => {
    const keyPool = pool([KEY_1, KEY_2, KEY_3]);
    for (const [id, latencyMs] of [["groq#1", 2_000], ["groq#2", 300], ["groq#3", 320]] as const) {
      expect(keyPool.acquire()?.id).toBe(id);
      keyPool.reportSuccess(id, { latencyMs });
    }
    const served = Array.from({ length: 6 }, () => completeOne(keyPool, 310));
    expect(served).not.toContain("groq#1");
    expect(served.filter((id) => id === "groq#2")).toHaveLength(3);
  });

  it("keeps a latency moving average rather than the last sample", () => {
    const keyPool = pool([KEY_1]);
    completeOne(keyPool, 100);
    completeOne(keyPool, 1_100);
    expect(health(keyPool, "groq#1").latencyMs).toBe(400);
  });

  it("skips excluded keys and returns null when nothing is left", () => {
    const keyPool = pool([KEY_1, KEY_2]);
    expect(keyPool.acquire(new Set(["groq#1"]))).toEqual({ id: "groq#2", apiKey: KEY_2, maskedKey: "gsk_…c3d4" });
    expect(keyPool.acquire(new Set(["groq#1", "groq#2"]))).toBeNull();
  });
});

describe("request errors", () => {
  it.each([400, 404, 413, 422])("a %s leaves the key healthy and untouched", (status) => {
    const keyPool = pool([KEY_1]);
    const key = keyPool.acquire()!;
    expect(keyPool.reportFailure(key.id, { status, message: "bad request" })).toBe("request_error");
    expect(health(keyPool, key.id)).toMatchObject({
      state: { kind: "healthy" },
      failures: 0,
      consecutiveFailures: 0,
      inFlight: 0,
      lastError: null,
    });
    expect(keyPool.acquire()?.id).toBe(key.id);
  });
});

describe("masking", () => {
  it("shows the first and last four characters of a real-length key", () => {
    expect(maskApiKey("gsk_0123456789abcdefghij_a1b2")).toBe("gsk_…a1b2");
  });

  it("never shows more than a third of a short key, nor anything of a tiny one", () => {
    expect(maskApiKey("abcdefghijkl")).toBe("ab…kl");
    expect(maskApiKey("abcde")).toBe("…");
    expect(maskApiKey(undefined)).toBe("(no key)");
  });

  it("never reveals a key in the snapshot, even when an error message echoes it", () => {
    const keyPool = pool([KEY_1, KEY_2]);
    keyPool.reportFailure(keyPool.acquire()!.id, { status: 401, message: `Incorrect API key provided: ${KEY_1}` });
    keyPool.reportFailure(keyPool.acquire()!.id, { status: 429, message: `rate limited for ${KEY_2}` });

    const serialized = JSON.stringify(keyPool.snapshot());
    for (const apiKey of [KEY_1, KEY_2]) {
      expect(serialized).not.toContain(apiKey);
      expect(serialized).not.toContain(apiKey.slice(4, -4));
    }
    expect(health(keyPool, "groq#1")).toMatchObject({
      maskedKey: "gsk_…a1b2",
      lastError: { status: 401, message: "Incorrect API key provided: gsk_…a1b2" },
    });
  });

  it("hands out copies, so a snapshot cannot change the pool", () => {
    const keyPool = pool([KEY_1]);
    const [entry] = keyPool.snapshot();
    entry!.state = { kind: "dead", reason: "tampered" };
    expect(keyPool.acquire()).not.toBeNull();
  });
});

describe("daily capacity", () => {
  it("stops using a key at its daily capacity and resumes the next UTC day", () => {
    const keyPool = pool([KEY_1, KEY_2], { dailyCapacity: 2 });
    const served = Array.from({ length: 4 }, () => completeOne(keyPool));
    expect(served.sort()).toEqual(["groq#1", "groq#1", "groq#2", "groq#2"]);
    expect(keyPool.acquire()).toBeNull();
    expect(health(keyPool, "groq#1")).toMatchObject({ requestsToday: 2, dailyCapacity: 2 });

    time = Date.UTC(2026, 10, 26, 0, 0, 0);
    expect(keyPool.acquire()).not.toBeNull();
    expect(health(keyPool, "groq#2").requestsToday).toBe(0);
  });
});

describe("parseResetDuration", () => {
  it.each([
    ["6ms", 6],
    ["1s", 1_000],
    ["2m59.56s", 179_560],
    ["1h0m0s", 3_600_000],
    ["12", 12_000],
    ["soon", undefined],
    ["5s later", undefined],
  ])("%s → %s ms", (value, expected) => {
    expect(parseResetDuration(value)).toBe(expected);
  });
});

describe("createKeyPools", () => {
  it("makes one pool per configured provider, with a keyless entry for a keyless local server", () => {
    const registry = createProviderRegistry(
      parseProviderEnv({
        GROQ_API_KEY_1: KEY_1,
        GROQ_API_KEY_2: KEY_2,
        OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
        OPENAI_COMPATIBLE_MODELS: "llama3.2",
      }),
    );
    const pools = createKeyPools(registry, { now, dailyCapacity: { groq: 1000 } });
    expect([...pools.keys()]).toEqual(["groq", "openai_compatible"]);
    expect(pools.get("groq")!.snapshot().map((key) => [key.id, key.dailyCapacity])).toEqual([
      ["groq#1", 1000],
      ["groq#2", 1000],
    ]);
    expect(pools.get("openai_compatible")!.acquire()).toEqual({
      id: "openai_compatible#1",
      apiKey: undefined,
      maskedKey: "(no key)",
    });
  });
});
