// Providers misbehaving, through the real chat route, a real database and real HTTP stub
// providers: one that accepts and never answers, one that stops mid-stream, one that answers 500
// for 30 s (on a fake clock, so the 30 s cost nothing). A turn fails over or ends with a clear
// error within the configured timeouts (1.5 s here), the question is always kept, key health
// shows the trouble, and the provider is used again once it recovers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { KeyHealth } from "@/lib/ai/key-pool";
import { parseUiStream, signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import type { TestClient } from "@/lib/testing/http";
import { GET as getConversation } from "../chat/[id]/route";
import { POST as chat } from "../chat/route";
import { GET as providerHealth } from "../health/providers/route";

type View = {
  messages: { role: string; content: string; status: string; route: { provider: string; attempts: { outcome: string; status?: number }[] } | null }[];
};
type Health = { items: { id: string; keys: KeyHealth[] }[] };

let clock = Date.parse("2026-12-01T12:00:00Z");
let stubs: StubProviders;
let client: TestClient;

beforeAll(async () => {
  stubs = await startStubProviders({ firstTokenMs: 1500, idleMs: 1500 }, { now: () => clock });
  // The first account of this file's fresh database is the admin, who may read key health.
  ({ client } = await signedInClient());
});
afterAll(() => stubs.close());
beforeEach(() => {
  stubs.primary.reset();
  stubs.fallback.reset();
  clock += 3_600_000; // every earlier cooldown is over
});

async function send(message: string) {
  const result = await client.call<string>(chat, "/api/v1/chat", { body: { action: "send", message } });
  const conversationId = result.headers.get("x-conversation-id")!;
  const view = await client.call<View>(getConversation, `/api/v1/chat/${conversationId}`, { params: { id: conversationId } });
  const [question, reply] = view.body.messages;
  return { stream: parseUiStream(result.body), question: question!, reply: reply! };
}

async function groqKeys(): Promise<KeyHealth[]> {
  const health = await client.call<Health>(providerHealth, "/api/v1/health/providers");
  expect(health.status).toBe(200);
  return health.body.items.find((item) => item.id === "groq")!.keys;
}

describe("a provider that hangs", () => {
  it("fails over from one that stops mid-stream to the next key, which continues the reply", async () => {
    stubs.primary.script([{ kind: "stall", afterChunks: 2, match: { key: "groq-key-1" } }]);
    const { stream, reply } = await send("keep talking");
    expect(stream.errors).toEqual([]);
    expect(stream.text.startsWith("Echo: keep")).toBe(true);
    expect(reply.status).toBe("complete");
    expect(reply.content).toBe(stream.text);
    expect(reply.route!.attempts.map((attempt) => attempt.outcome)).toEqual(["cut", "success"]);
  });

  it("ends with a clear error, keeping the question and the text that arrived, when every provider stops mid-stream", async () => {
    stubs.primary.script([{ kind: "stall", afterChunks: 1, times: 2 }]);
    stubs.fallback.script([{ kind: "stall", afterChunks: 1, times: 2 }]);
    const { stream, question, reply } = await send("anyone still there");
    expect(stream.errors).toHaveLength(1);
    expect(stream.errors[0]).toMatch(/Every AI provider failed/);
    expect(question.content).toBe("anyone still there");
    expect(reply.status).toBe("incomplete");
    expect(reply.content).toBe(stream.text);
    expect(reply.content.length).toBeGreaterThan(0);
  });

  it("ends with a clear error and keeps the question when every provider accepts and never answers", async () => {
    stubs.primary.script([{ kind: "hang", times: 2 }]);
    stubs.fallback.script([{ kind: "hang", times: 2 }]);
    const { stream, question, reply } = await send("hello?");
    expect(stream.errors).toHaveLength(1);
    expect(stream.errors[0]).toMatch(/Every AI provider failed/);
    expect(question.content).toBe("hello?");
    expect(reply.status).toBe("error");
    expect(reply.route!.attempts.every((attempt) => attempt.outcome === "failed")).toBe(true);
  });
});

describe("a provider answering 500 for 30 s", () => {
  it("serves every turn from the fallback while it lasts, shows it in key health, and uses it again once it recovers", async () => {
    const outageStart = clock;
    stubs.primary.script([{ kind: "status", status: 500, times: 1000 }]);
    for (let second = 0; second <= 30; second += 5) {
      clock = outageStart + second * 1000;
      const { stream, reply } = await send(`at ${second} s`);
      expect(stream.errors).toEqual([]);
      expect(stream.text).toBe(`Echo: at ${second} s`);
      expect(reply.route!.provider).toBe("openai_compatible");
      for (const key of await groqKeys()) {
        expect(key.state.kind).toBe("cooling_down");
        expect(key.lastError?.status).toBe(500);
      }
    }
    // Cooling keys are not hammered: at most one try per key per cooldown.
    const groqTries = stubs.primary.requests.filter((request) => request.path.includes("chat")).length;
    expect(groqTries).toBeLessThanOrEqual(2 * 7);

    stubs.primary.reset();
    clock += 60_000;
    const { stream, reply } = await send("back again");
    expect(stream.errors).toEqual([]);
    expect(reply.route!.provider).toBe("groq");
    expect(reply.route!.attempts.map((attempt) => attempt.outcome)).toEqual(["success"]);
    const recovered = (await groqKeys()).find((key) => key.requests > 0 && key.consecutiveFailures === 0);
    expect(recovered?.state.kind).toBe("healthy");
  });

  it("fails clearly and keeps the question when no other provider can take the turn", async () => {
    stubs.primary.script([{ kind: "status", status: 500, times: 1000 }]);
    stubs.fallback.script([{ kind: "status", status: 500, times: 1000 }]);
    const { stream, question, reply } = await send("is anything up");
    expect(stream.errors[0]).toMatch(/Every AI provider failed/);
    expect(question.content).toBe("is anything up");
    expect(reply.status).toBe("error");

    stubs.primary.reset();
    stubs.fallback.reset();
    clock += 60_000;
    expect((await send("now?")).stream.errors).toEqual([]);
  });
});
