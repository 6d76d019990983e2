import { describe, expect, it, vi } from "vitest";
import { SSE_HEADERS, sseChannel } from "./sse";

describe("sseChannel", () => {
  it("writes each event as one data line, JSON unless it is a string, and ends on close", async () => {
    const channel = sseChannel();
    channel.send({ type: "text-delta", delta: "héllo\n" });
    channel.send("[DONE]");
    channel.close();
    channel.send({ type: "late" });
    const body = await new Response(channel.stream).text();
    expect(body).toBe('data: {"type":"text-delta","delta":"héllo\\n"}\n\ndata: [DONE]\n\n');
  });

  it("tells the owner when the client leaves, and drops what is sent after", async () => {
    const onCancel = vi.fn();
    const channel = sseChannel({ onCancel });
    channel.send({ n: 1 });
    const reader = channel.stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(onCancel).toHaveBeenCalledOnce();
    expect(() => {
      channel.send({ n: 2 });
      channel.close();
    }).not.toThrow();
  });

  it("keeps proxies and Next's compression from holding events back", () => {
    expect(SSE_HEADERS["Cache-Control"]).toContain("no-transform");
    expect(SSE_HEADERS["X-Accel-Buffering"]).toBe("no");
  });
});
