// The graceful stop in-process, through the real chat route, a real database and the stub
// provider: what finishes within the grace period is saved complete, what does not is stopped
// and saved as incomplete with the text that arrived, and new work is refused meanwhile.
// (e2e/api/shutdown.spec.ts does the same to a real `next start` with a real SIGTERM.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jobExecutor, setJobExecutor } from "@/lib/jobs/dispatch";
import { endShutdown } from "@/lib/process/shutdown";
import { signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import { TestClient } from "@/lib/testing/http";
import { POST as chat } from "@/app/api/v1/chat/route";
import { GET as listConversations } from "@/app/api/v1/conversations/route";
import { GET as ready } from "@/app/ready/route";
import { shutDownGracefully } from "./shutdown";

let stubs: StubProviders;
let client: TestClient;

beforeAll(async () => {
  stubs = await startStubProviders({ firstTokenMs: 5000, idleMs: 5000 });
  ({ client } = await signedInClient());
});
afterAll(() => stubs.close());
const suiteExecutor = jobExecutor();
afterEach(() => {
  setJobExecutor(suiteExecutor);
  endShutdown();
  stubs.primary.reset();
});

const keepDatabaseOpen = async () => undefined;

/** Starts a turn and reads it until `delta` has streamed; returns the rest of the stream as a promise. */
async function startTurn(message: string, untilDelta: string) {
  const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": client.ip });
  headers.set("cookie", [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
  const response = await chat(new Request("http://localhost:3000/api/v1/chat", { method: "POST", headers, body: JSON.stringify({ action: "send", message }) }));
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = "";
  while (!received.includes(`"delta":"${untilDelta}"`)) {
    const { value, done } = await reader.read();
    expect(done).toBe(false);
    received += value;
  }
  const rest = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return received;
      received += value;
    }
  })();
  return { conversationId: response.headers.get("x-conversation-id")!, rest };
}

async function reply(conversationId: string) {
  return db().message.findFirstOrThrow({ where: { conversationId, role: "assistant" } });
}

describe("graceful shutdown", () => {
  it("lets a reply that ends within the grace period finish and saves it complete, refusing new work meanwhile", async () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`).join(" ");
    stubs.primary.script([{ kind: "ok", reply: words, chunkIntervalMs: 50 }]);
    const turn = await startTurn("short one", " w1");

    const stopping = shutDownGracefully({ graceMs: 20_000, close: keepDatabaseOpen });
    const refused = await client.call<{ error: { code: string } }>(listConversations, "/api/v1/conversations");
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("shutting_down");
    expect(refused.headers.get("retry-after")).toBe("5");
    const readiness = await new TestClient().call<{ ready: boolean; shuttingDown: boolean }>(ready, "/ready");
    expect(readiness.status).toBe(503);
    expect(readiness.body).toMatchObject({ ready: false, shuttingDown: true });

    expect(await stopping).toEqual({ stoppedReplies: 0, releasedJobs: 0 });
    expect(await turn.rest).toContain('"finishReason":"stop"');
    expect(await reply(turn.conversationId)).toMatchObject({ status: "complete", content: words });
    const question = await db().message.findFirstOrThrow({ where: { conversationId: turn.conversationId, role: "user" } });
    expect(question.content).toBe("short one");
  });

  it("stops a reply still running when the grace period ends and saves what arrived as incomplete", async () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(" ");
    stubs.primary.script([{ kind: "ok", reply: words, chunkIntervalMs: 100 }]);
    const turn = await startTurn("long one", " w2");

    expect(await shutDownGracefully({ graceMs: 300, close: keepDatabaseOpen })).toEqual({ stoppedReplies: 1, releasedJobs: 0 });
    const streamed = await turn.rest;
    const saved = await reply(turn.conversationId);
    expect(saved.status).toBe("incomplete");
    expect(saved.content.startsWith("w0 w1 w2")).toBe(true);
    expect(saved.content.length).toBeLessThan(words.length);
    // What the client was shown is what was saved.
    const shown = streamed.split("\n").filter((line) => line.startsWith("data: {")).map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string });
    expect(shown.filter((chunk) => chunk.type === "text-delta").map((chunk) => chunk.delta).join("")).toBe(saved.content);
  });

  it("stops taking jobs, waits for running ones within the grace period, then hands back the leases of those still running", async () => {
    const calls: string[] = [];
    setJobExecutor({
      kick() {},
      drain: async () => {},
      stop: () => void calls.push("stop"),
      // A job that will not finish in time.
      idle: () => new Promise(() => {}),
      releaseLeases: async () => {
        calls.push("release");
        return 1;
      },
    });
    expect(await shutDownGracefully({ graceMs: 100, close: keepDatabaseOpen })).toEqual({ stoppedReplies: 0, releasedJobs: 1 });
    expect(calls).toEqual(["stop", "release"]);
  });
});
