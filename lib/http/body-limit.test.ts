import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBodyText } from "./body-limit";

function streamedRequest(chunks: string[], onPull: () => void): Request {
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (index < chunks.length) controller.enqueue(encoder.encode(chunks[index++]));
      else controller.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBodyText", () => {
  it("reads a body within the limit, multi-byte characters intact", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ text: "سلام 👋" }) });
    expect(JSON.parse(await readBodyText(request, 1024))).toEqual({ text: "سلام 👋" });
  });

  it("refuses with 413 from Content-Length alone, before reading", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "x".repeat(10), headers: { "content-length": "5000" } });
    const error = await readBodyText(request, 1000).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    let pulls = 0;
    const request = streamedRequest(Array.from({ length: 100 }, () => "x".repeat(100)), () => (pulls += 1));
    const error = await readBodyText(request, 1000).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe("payload_too_large");
    expect(pulls).toBeLessThan(20);
  });
});
