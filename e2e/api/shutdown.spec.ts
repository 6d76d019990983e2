// SIGTERM during streams, on a real `next start` of the built app (its own process on its own
// port and data directory, so the suite's server is left alone): a reply that ends within
// SHUTDOWN_GRACE_MS finishes and is saved complete, one that does not is stopped at the end of
// the grace period and saved with the text the client saw, marked incomplete; meanwhile new
// requests get 503 shutting_down; the process exits 0; after a restart both are there.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { cookieHeader, signUpThroughApi } from "../fixtures/api-account";
import { startExtraServer, type ExtraServer } from "../fixtures/extra-server";
import { resetStub, scriptStub } from "../fixtures/stub";

const stubURL = `http://127.0.0.1:${process.env.E2E_STUB_PORT ?? 3101}`;
const GRACE_MS = 3000;
let baseURL = "";

function startServer(fresh: boolean): Promise<ExtraServer> {
  return startExtraServer({
    portOffset: 2,
    dataDir: ".data/e2e-shutdown",
    fresh,
    env: {
      NEXT_MANUAL_SIG_HANDLE: "true",
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      GROQ_API_KEY_1: "e2e-groq-key-1",
      GROQ_BASE_URL: `${stubURL}/v1`,
    },
  });
}

/** A streaming chat turn read until `delta` has arrived; `rest` reads it to the end. */
async function startTurn(cookie: string, message: string, untilDelta: string) {
  const response = await fetch(`${baseURL}/api/v1/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ action: "send", message }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = "";
  while (!received.includes(`"delta":"${untilDelta}"`)) {
    const { value, done } = await reader.read();
    expect(done, `the reply ended early: ${received}`).toBe(false);
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

function shownText(stream: string): string {
  return stream
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string })
    .filter((chunk) => chunk.type === "text-delta")
    .map((chunk) => chunk.delta)
    .join("");
}

type View = { messages: { role: string; content: string; status: string }[] };

let server: ExtraServer | undefined;
let api: APIRequestContext | undefined;

test.afterAll(async () => {
  await resetStub();
  await api?.dispose();
  await server?.dispose();
});

test("SIGTERM mid-stream: replies finish within the grace period or are saved as incomplete, nothing acknowledged is lost", async () => {
  test.setTimeout(180_000);
  server = await startServer(true);
  baseURL = server.url;
  api = await playwrightRequest.newContext({ baseURL });
  await signUpThroughApi(api, "shutdown");
  const cookie = await cookieHeader(api);

  const long = Array.from({ length: 300 }, (_, i) => `w${i}`).join(" ");
  const short = Array.from({ length: 10 }, (_, i) => `s${i}`).join(" ");
  await scriptStub([
    { kind: "ok", reply: long, chunkIntervalMs: 100 },
    { kind: "ok", reply: short, chunkIntervalMs: 100 },
  ]);
  const longTurn = await startTurn(cookie, "a long answer please", " w2");
  const shortTurn = await startTurn(cookie, "a short answer please", " s1");

  server.process.kill("SIGTERM");
  // Still listening while it drains, but taking no new work; readiness sends traffic elsewhere.
  // (A signal and a request arriving together are handled in either order: wait for the first.)
  await expect.poll(async () => (await fetch(`${baseURL}/ready`)).status, { timeout: 5_000 }).toBe(503);
  const refused = await fetch(`${baseURL}/api/v1/conversations`, { headers: { cookie } });
  expect(refused.status).toBe(503);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("shutting_down");
  expect(refused.headers.get("retry-after")).toBe("5");

  const [longStream, shortStream] = await Promise.all([longTurn.rest, shortTurn.rest]);
  expect(shortStream).toContain('"finishReason":"stop"');
  expect(shownText(shortStream)).toBe(short);
  expect(shownText(longStream).startsWith("w0 w1 w2")).toBe(true);
  expect(shownText(longStream).length).toBeLessThan(long.length);
  expect(await server.exited, server.log()).toBe(0);

  // After a restart, on the same data: both questions, the short reply complete, the long one as far as it was shown.
  server = await startServer(false);
  const view = async (id: string) => (await (await api!.get(`/api/v1/chat/${id}`)).json()) as View;
  const longView = await view(longTurn.conversationId);
  expect(longView.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
  expect(longView.messages[1]!.status).toBe("incomplete");
  expect(longView.messages[0]!.content).toBe("a long answer please");
  expect(longView.messages[1]!.content).toBe(shownText(longStream));
  const shortView = await view(shortTurn.conversationId);
  expect(shortView.messages[1]).toMatchObject({ status: "complete", content: short });

  server.process.kill("SIGTERM");
  expect(await server.exited).toBe(0);
});
