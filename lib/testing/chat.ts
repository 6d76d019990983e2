// Helpers for chat tests: a signed-in client, stub providers wired into the AI runtime, and a
// reader for the AI SDK UI message stream (SSE).
import { startStubServer, type StubServer } from "@/e2e/fixtures/stub-openai/server";
import { createAiRuntime, setAiRuntime, type AiRuntime } from "@/lib/ai/runtime";
import { createUserWithFirstAdmin } from "@/lib/auth/service";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseProviderEnv } from "@/lib/env";
import { TestClient } from "./http";

let userCounter = 0;

/** A verified user with a session cookie, without going through the sign-up routes. */
export async function signedInClient(ip?: string): Promise<{ client: TestClient; userId: string }> {
  userCounter += 1;
  const user = await createUserWithFirstAdmin({ email: `chat-${userCounter}-${Date.now()}@example.com` });
  await db().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
  const client = new TestClient(ip);
  for (const cookie of await startSession("http://localhost:3000", user.id)) client.cookies.set(cookie.name, cookie.value);
  return { client, userId: user.id };
}

export interface StubProviders {
  primary: StubServer;
  fallback: StubServer;
  runtime: AiRuntime;
  close(): Promise<void>;
}

/**
 * Two providers on two stub servers: Groq (keys groq-key-1, groq-key-2) first in the catalogue,
 * and an OpenAI-compatible server (model stub-fast) as the fallback.
 */
/**
 * A new chat's title call runs on after its reply's response (lib/chat/reply.ts). A test that
 * resets a stub to look at the next turn's requests waits for it first, or finds it there.
 */
export { whenAfterReplySettled as settleAfterReply } from "@/lib/chat/generations";

export async function startStubProviders(
  // Short enough for a hang test, long enough that a busy 2-core CI machine's slow first token
  // is not taken for a hang (1.5 s was, now and then, turning a 401 test's key "cooling_down").
  timeouts = { firstTokenMs: 4000, idleMs: 4000 },
  options: { now?: () => number } = {},
): Promise<StubProviders> {
  const primary = await startStubServer();
  const fallback = await startStubServer();
  const runtime = createAiRuntime(
    parseProviderEnv({
      GROQ_API_KEY_1: "groq-key-1",
      GROQ_API_KEY_2: "groq-key-2",
      GROQ_BASE_URL: primary.baseURL,
      OPENAI_COMPATIBLE_BASE_URL: fallback.baseURL,
      OPENAI_COMPATIBLE_MODELS: "stub-fast",
    }),
    { timeouts, now: options.now },
  );
  setAiRuntime(runtime);
  return {
    primary,
    fallback,
    runtime,
    async close() {
      await Promise.all([primary.close(), fallback.close()]);
    },
  };
}

export interface UiStream {
  chunks: { type: string; [key: string]: unknown }[];
  text: string;
  errors: string[];
}

export function parseUiStream(body: string): UiStream {
  const chunks = body
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as UiStream["chunks"][number]);
  return {
    chunks,
    text: chunks.flatMap((chunk) => (chunk.type === "text-delta" ? [String(chunk.delta)] : [])).join(""),
    errors: chunks.flatMap((chunk) => (chunk.type === "error" ? [String(chunk.errorText)] : [])),
  };
}
