// The failover policy with scripted attempts (no provider is called) and the real ledger table.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseProviderEnv } from "@/lib/env";
import { callWithFailover, type FailoverModel, type KeyCallResult } from "./failover";
import { failoverError } from "./failover-error";
import { createAiRuntime, type AiRuntime } from "./runtime";

const groq: FailoverModel = { id: "groq:model-a", provider: "groq" };
const openai: FailoverModel = { id: "openai:model-b", provider: "openai" };

let runtime: AiRuntime;
let userId: string;

beforeAll(async () => {
  ({ id: userId } = await db().user.create({ data: { email: `failover-${Date.now()}@example.com` } }));
});

beforeEach(async () => {
  runtime = createAiRuntime(parseProviderEnv({ GROQ_API_KEY_1: "groq-key-1", GROQ_API_KEY_2: "groq-key-2", OPENAI_API_KEY: "openai-key-1" }));
  await db().usageEvent.deleteMany({ where: { userId } });
});

/** Answers each attempt with the next scripted result, and notes which key it was given. */
function scripted(results: KeyCallResult<string>[]) {
  const keys: string[] = [];
  return {
    keys,
    attempt: async ({ key }: { key: { id: string } }) => {
      keys.push(key.id);
      return results.shift() ?? { outcome: "success" as const, value: "ok" };
    },
  };
}

/** Each attempt here uses another key, and the keys sort in attempt order (rows may share a millisecond). */
const ledgerRows = () => db().usageEvent.findMany({ where: { userId }, orderBy: { providerKeyId: "asc" } });

describe("callWithFailover", () => {
  it("moves from a rate-limited key to the next key, then to the next provider, and writes a ledger row per attempt", async () => {
    const script = scripted([
      { outcome: "failed", status: 429, error: "slow down" },
      { outcome: "failed", error: "socket hang up" },
      { outcome: "success", value: "answer", usage: { inputTokens: 3, outputTokens: 5 }, costUsd: 0.000002 },
    ]);
    const result = await callWithFailover(runtime, { candidates: [groq, openai], usage: { context: { userId } }, attempt: script.attempt });

    expect(result).toMatchObject({ status: "complete", value: "answer", final: { model: openai, outcome: "success" } });
    expect(script.keys).toEqual(["groq#1", "groq#2", "openai#1"]);
    expect(runtime.pools.get("groq")!.snapshot().map((key) => key.state.kind)).toEqual(["cooling_down", "cooling_down"]);
    const rows = await ledgerRows();
    expect(rows.map((row) => [row.providerKeyId, row.outcome, row.errorCode])).toEqual([
      ["groq#1", "error", "http_429"],
      ["groq#2", "error", "network_or_timeout"],
      ["openai#1", "success", null],
    ]);
    expect(rows[2]).toMatchObject({ model: "openai:model-b", promptTokens: 3, completionTokens: 5, costMicroUsd: 2 });
  });

  it("stops at a request the provider refuses: another key would refuse it too", async () => {
    const script = scripted([{ outcome: "failed", status: 400, error: "context too long" }]);
    const result = await callWithFailover(runtime, { candidates: [groq, openai], usage: { context: { userId } }, attempt: script.attempt });

    expect(result.status).toBe("failed");
    if (result.status !== "failed") return;
    expect(result.error).toMatchObject({ code: "provider_rejected", status: 400 });
    expect(result.error.message).toContain("context too long");
    expect(script.keys).toEqual(["groq#1"]);
    expect(await ledgerRows()).toHaveLength(1);
  });

  it("ends an aborted call without judging the key", async () => {
    const script = scripted([{ outcome: "aborted" }]);
    const result = await callWithFailover(runtime, { candidates: [groq], usage: { context: { userId } }, attempt: script.attempt });
    expect(result.status).toBe("aborted");
    expect(runtime.pools.get("groq")!.snapshot()[0]).toMatchObject({ state: { kind: "healthy" }, failures: 0, inFlight: 0 });
    expect((await ledgerRows()).map((row) => row.outcome)).toEqual(["aborted"]);
  });

  it("writes no rows while the record they point at failed to save", async () => {
    const script = scripted([]);
    const unsaved = Promise.reject(new Error("insert failed"));
    const result = await callWithFailover(runtime, {
      candidates: [groq],
      usage: { context: { userId }, after: unsaved },
      attempt: script.attempt,
    });
    expect(result.status).toBe("complete");
    expect(await ledgerRows()).toHaveLength(0);
  });

  it("says every key is resting when none can be tried, and names the service", async () => {
    const result = await callWithFailover(runtime, {
      candidates: [{ id: "deepseek:x", provider: "deepseek" }],
      usage: { context: { userId } },
      service: "speech-to-text provider",
      attempt: scripted([]).attempt,
    });
    expect(result.status === "failed" && result.error.message).toBe(
      "Every speech-to-text provider key is cooling down or disabled. Try again in a few seconds.",
    );
  });
});

describe("failoverError", () => {
  it.each([
    [{ kind: "rejected", message: "bad audio" } as const, "provider_rejected", 400, "The AI provider refused the request: bad audio"],
    [{ kind: "unavailable", attempts: 0 } as const, "provider_unavailable", 503, "Every AI provider key is cooling down or disabled. Try again in a few seconds."],
    [{ kind: "unavailable", attempts: 1 } as const, "provider_unavailable", 503, "Every AI provider failed (1 attempt). Try again in a moment."],
    [{ kind: "unavailable", attempts: 3 } as const, "provider_unavailable", 503, "Every AI provider failed (3 attempts). Try again in a moment."],
  ])("maps %j to one API error", (failure, code, status, message) => {
    expect(failoverError(failure)).toMatchObject({ code, status, message });
  });
});
