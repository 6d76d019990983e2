import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { clientIp, parseJson, parseQuery, route } from "./route";

const call = (handler: (req: Request) => Promise<Response>, init?: RequestInit & { url?: string }) =>
  handler(new Request(init?.url ?? "http://localhost/api/v1/x", init));

describe("route wrapper", () => {
  it("turns an AppError into its status and the stable JSON shape", async () => {
    const handler = route({ auth: "public" }, async () => {
      throw new AppError("not_found", "Conversation not found.");
    });
    const response = await call(handler);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Conversation not found." } });
  });

  it("hides an unexpected error behind a 500 that names the request id", async () => {
    const handler = route({ auth: "public" }, async () => {
      throw new Error("database password is hunter2");
    });
    const response = await call(handler, { headers: { "x-request-id": "req-abcdef12" } });
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(body.error.code).toBe("internal_error");
    expect(body.error.message).toContain("req-abcdef12");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(response.headers.get("x-request-id")).toBe("req-abcdef12");
  });

  it("ignores a request id that could inject into logs and makes its own", async () => {
    const handler = route({ auth: "public" }, async () => Response.json({ ok: true }));
    const response = await call(handler, { headers: { "x-request-id": "bad id <script>" } });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 401 before parsing when a session is required", async () => {
    let parsed = false;
    const handler = route({ auth: "user" }, async ({ req }) => {
      parsed = true;
      return Response.json(await parseJson(req, z.object({ a: z.string() })));
    });
    const response = await call(handler, { method: "POST", body: "not json" });
    expect(response.status).toBe(401);
    expect(parsed).toBe(false);
  });

  it("refuses a body that is not declared as JSON with 415", async () => {
    const handler = route({ auth: "public" }, async ({ req }) => Response.json(await parseJson(req, z.object({}))));
    const response = await call(handler, { method: "POST", body: '{"a":1}', headers: { "content-type": "text/plain" } });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_media_type");
  });

  it("validates query parameters with a readable message", async () => {
    const handler = route({ auth: "public" }, async ({ req }) =>
      Response.json(parseQuery(req, z.object({ limit: z.coerce.number().int().max(100) }))),
    );
    const response = await call(handler, { url: "http://localhost/api/v1/x?limit=500" });
    const body = await response.json();
    expect(response.status).toBe(422);
    expect(body.error.message).toMatch(/^limit: /);
  });
});

describe("clientIp", () => {
  const withForwarded = (value: string) => new Request("http://localhost/", { headers: { "x-forwarded-for": value } });

  it("takes the address the nearest proxy appended, not the one a client wrote first", () => {
    expect(clientIp(withForwarded("1.2.3.4, 198.51.100.7"))).toBe("198.51.100.7");
    expect(clientIp(withForwarded("198.51.100.7"))).toBe("198.51.100.7");
  });

  it("falls back to X-Real-IP, then to a shared bucket", () => {
    expect(clientIp(new Request("http://localhost/", { headers: { "x-real-ip": "203.0.113.9" } }))).toBe("203.0.113.9");
    expect(clientIp(new Request("http://localhost/"))).toBe("unknown");
  });
});
