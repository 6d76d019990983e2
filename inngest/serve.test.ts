import { describe, expect, it } from "vitest";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { GET } from "@/app/api/inngest/route";
import { functions } from "./index";

describe("/api/inngest", () => {
  it("says Inngest is not configured when it is not (the local executor runs the functions)", async () => {
    const response = await GET(new Request("http://localhost:3000/api/inngest") as never, undefined as never);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("in-process") } });
  });

  it("registers every function and refuses unsigned requests once a signing key is set", async () => {
    expect(functions.map((fn) => fn.id())).toEqual(expect.arrayContaining(["media-ocr-image"]));
    const client = new Inngest({
      id: "baatcheet",
      isDev: false,
      signingKey: "signkey-test-00112233445566778899aabbccddeeff",
      logger: { info() {}, warn() {}, error() {}, debug() {} },
    });
    const handler = serve({ client, functions });
    const response = await handler.POST(
      new Request("http://localhost:3000/api/inngest?fnId=baatcheet-media-ocr-image&stepId=step", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event: { name: "media/image.ocr.requested", data: {} }, steps: {}, ctx: {} }),
      }) as never,
      undefined as never,
    );
    expect(response.status).toBe(401);
  });
});
