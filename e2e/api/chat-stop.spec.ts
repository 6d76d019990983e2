// Stop under `next start`: the chat route and the stop route are separate bundles, so the
// registry of running replies must be one per process for a stop to abort the reply at once
// (the fallback, a poll of stop flags, takes up to a second).
import { expect, test } from "@playwright/test";
import { cookieHeader, signUpThroughApi } from "../fixtures/api-account";
import { resetStub, scriptStub } from "../fixtures/stub";

/** Well under the one-second poll that would otherwise end the reply; a stop handled in-process takes milliseconds. */
const STOP_MS = 300;

test.afterEach(async () => {
  await resetStub();
});

test("Stop ends a streaming reply at once, from the stop route's own bundle", async ({ request, baseURL }) => {
  await signUpThroughApi(request, "chat-stop");
  const cookie = await cookieHeader(request);
  const words = Array.from({ length: 80 }, (_, i) => `w${i}`).join(" ");

  // Three stops: a reply that only ends at the next poll would slip under the bound now and then, not three times.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await scriptStub([{ kind: "ok", reply: words, chunkIntervalMs: 100 }]);
    const response = await fetch(`${baseURL}/api/v1/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ action: "send", message: `go slowly ${attempt}` }),
    });
    expect(response.status).toBe(200);
    const conversationId = response.headers.get("x-conversation-id")!;
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    while (!received.includes('"delta":" w3"')) {
      const { value, done } = await reader.read();
      expect(done, `the reply ended before it could be stopped: ${received}`).toBe(false);
      received += value;
    }

    const stop = await request.post(`/api/v1/chat/${conversationId}/stop`, { data: {} });
    expect(stop.ok()).toBe(true);
    expect(await stop.json()).toEqual({ stopping: 1 });
    const stopAnswered = performance.now();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value;
    }
    const endedAfterMs = performance.now() - stopAnswered;

    expect(received).not.toContain('" w79"');
    expect(endedAfterMs, `attempt ${attempt + 1}: the reply ended ${Math.round(endedAfterMs)} ms after the stop`).toBeLessThan(STOP_MS);
  }
});
