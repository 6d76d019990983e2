import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idParams, multipart, route } from "./route";
import { unsupportedUnless } from "./unsupported";

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

  it("answers a client that went away mid-body quietly, not as an unhandled 500", async () => {
    const handler = route({ auth: "public", ...declared, body: z.object({ name: z.string() }) }, async () => Response.json({ ok: true }));
    const client = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
        client.abort();
        controller.error(new Error("aborted"));
      },
    });
    const errors = vi.spyOn(console, "error");
    const init = { method: "POST", body, duplex: "half", signal: client.signal, headers: { "content-type": "application/json" } };
    const response = await call(handler, init as RequestInit);
    expect(response.status).toBe(499);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
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

describe("errorFormat: openai", () => {
  const openAi = { auth: "public" as const, ...declared, errorFormat: "openai" as const };
  const json = { "content-type": "application/json" };

  it("renders an AppError as OpenAI does, keeping 429's Retry-After", async () => {
    const handler = route(openAi, async () => {
      throw new AppError("rate_limited", "Slow down.", { retryAfterSeconds: 7 });
    });
    const response = await call(handler);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ error: { message: "Slow down.", type: "rate_limit_error", param: null, code: "rate_limit_exceeded" } });
  });

  it("answers a field that fails validation with 400 and its param, where the default format says 422", async () => {
    const body = z.object({ messages: z.array(z.object({ content: z.string() })) });
    const handler = route({ ...openAi, body }, async () => Response.json({}));
    const response = await call(handler, { method: "POST", body: '{"messages":[{"content":1}]}', headers: json });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error", param: "messages[0].content", code: "invalid_value" } });
    const plain = await call(route({ auth: "public", ...declared, body }, async () => Response.json({})), {
      method: "POST",
      body: '{"messages":[{"content":1}]}',
      headers: json,
    });
    expect(plain.status).toBe(422);
    expect(Object.keys((await plain.json()).error).sort()).toEqual(["code", "message"]);
  });

  it("hides an unexpected error behind a server_error naming the request id", async () => {
    const handler = route(openAi, async () => {
      throw new Error("secret detail");
    });
    const response = await call(handler, { headers: { "x-request-id": "req-openai-1" } });
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(body.error).toMatchObject({ type: "server_error", param: null, code: "internal_error" });
    expect(body.error.message).toContain("req-openai-1");
  });
});

describe("unsupportedUnless", () => {
  const body = z.object({ n: unsupportedUnless(z.literal(1), "only one choice"), name: z.string() });
  const handler = route({ auth: "public", ...declared, body }, async () => Response.json({ ok: true }));
  const post = (text: string) => call(handler, { method: "POST", body: text, headers: { "content-type": "application/json" } });

  it("accepts the harmless value, null and absence, and refuses the rest as 400 unsupported_parameter", async () => {
    for (const n of ["1", "null"]) expect((await post(`{"n":${n},"name":"a"}`)).status).toBe(200);
    expect((await post('{"name":"a"}')).status).toBe(200);
    const refused = await post('{"n":3,"name":1}');
    expect(refused.status).toBe(400);
    // The unsupported field is the one named, even beside another bad field.
    expect(await refused.json()).toEqual({ error: { code: "unsupported_parameter", message: "n: only one choice" } });
  });
});
