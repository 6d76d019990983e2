import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { clientIp, idParams, multipart, route } from "./route";

/** What every test route declares besides its auth and schemas. */
const declared = { summary: "a test route", response: { status: 200, schema: z.unknown() } };

const call = (handler: (req: Request) => Promise<Response>, init?: RequestInit & { url?: string }) =>
  handler(new Request(init?.url ?? "http://localhost/api/v1/x", init));

describe("route wrapper", () => {
  it("turns an AppError into its status and the stable JSON shape", async () => {
    const handler = route({ auth: "public", ...declared }, async () => {
      throw new AppError("not_found", "Conversation not found.");
    });
    const response = await call(handler);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Conversation not found." } });
  });

  it("hides an unexpected error behind a 500 that names the request id", async () => {
    const handler = route({ auth: "public", ...declared }, async () => {
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
    const handler = route({ auth: "public", ...declared }, async () => Response.json({ ok: true }));
    const response = await call(handler, { headers: { "x-request-id": "bad id <script>" } });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 401 before parsing when a session is required", async () => {
    let handled = false;
    const handler = route({ auth: "user", ...declared, body: z.object({ a: z.string() }) }, async ({ body }) => {
      handled = true;
      return Response.json(body);
    });
    const response = await call(handler, { method: "POST", body: "not json" });
    expect(response.status).toBe(401);
    expect(handled).toBe(false);
  });

  it("refuses a body that is not declared as JSON with 415", async () => {
    const handler = route({ auth: "public", ...declared, body: z.object({}) }, async ({ body }) => Response.json(body));
    const response = await call(handler, { method: "POST", body: '{"a":1}', headers: { "content-type": "text/plain" } });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_media_type");
  });

  it("validates query parameters with a readable message", async () => {
    const handler = route({ auth: "public", ...declared, query: z.object({ limit: z.coerce.number().int().max(100) }) }, async ({ query }) =>
      Response.json(query),
    );
    const response = await call(handler, { url: "http://localhost/api/v1/x?limit=500" });
    const body = await response.json();
    expect(response.status).toBe(422);
    expect(body.error.message).toMatch(/^limit: /);
  });

  // PGlite stores these where PostgreSQL answers an encoding error, so this holds on either database.
  it("answers 404 for a path param holding NUL or a lone surrogate, before the handler runs", async () => {
    const handler = route({ auth: "public", ...declared, params: idParams }, async () => {
      throw new Error("the handler must not run");
    });
    for (const id of ["\u0000", "a\u0000b", "\ud800"]) {
      const response = await handler(new Request("http://localhost/api/v1/x"), { params: Promise.resolve({ id }) });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});

describe("route definition", () => {
  it("answers 400 invalid_json for a malformed body and 422 naming the field for a wrong one", async () => {
    const handler = route({ auth: "public", ...declared, body: z.object({ name: z.string() }) }, async ({ body }) => Response.json(body));
    const json = { "content-type": "application/json" };
    const malformed = await call(handler, { method: "POST", body: "{", headers: json });
    expect([malformed.status, (await malformed.json()).error.code]).toEqual([400, "invalid_json"]);
    const invalid = await call(handler, { method: "POST", body: '{"name":1}', headers: json });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.message).toMatch(/^name: /);
    const valid = await call(handler, { method: "POST", body: '{"name":"a"}', headers: json });
    expect(await valid.json()).toEqual({ name: "a" });
  });

  it("parses an absent optional body as {}, with the schema's defaults", async () => {
    const body = z.object({ days: z.int().default(7) });
    const handler = route({ auth: "public", ...declared, body, bodyOptional: true }, async ({ body }) => Response.json(body));
    expect(await (await call(handler, { method: "POST" })).json()).toEqual({ days: 7 });
  });

  it("leaves a multipart body to the handler and keeps the declaration on the handler", async () => {
    const definition = { auth: "public" as const, ...declared, body: multipart(z.object({ language: z.string() })), limit: "exempt" as const };
    const handler = route(definition, async ({ req, body }) => Response.json({ body: body ?? null, form: (await req.formData()).get("language") }));
    const form = new FormData();
    form.set("language", "ur");
    expect(await (await call(handler, { method: "POST", body: form })).json()).toEqual({ body: null, form: "ur" });
    expect(handler.definition).toBe(definition);
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
