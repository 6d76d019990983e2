// The one wrapper every API route goes through: request id, readiness, authentication,
// and turning anything thrown into the stable JSON error shape.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ensureMigrated } from "@/lib/db";
import { requirePrincipal, type AuthRequirement, type Principal, type Scope } from "@/lib/auth/principal";
import { checksAfterAuth, checksBeforeAuth, trackerFor } from "@/lib/ratelimit/enforce";
import { rateLimitStore } from "@/lib/ratelimit/store";
import { AppError } from "@/lib/errors";
import { errorResponse, formatZodError, toAppError } from "./errors";

export interface RouteContext<Params> {
  req: Request;
  params: Params;
  requestId: string;
  ip: string;
}

type HandlerContext<Auth extends AuthRequirement, Params> = RouteContext<Params> &
  (Auth extends "public" ? { principal?: undefined } : { principal: Principal });

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The client address for per-IP limits: the last X-Forwarded-For entry. `next start` sets the
 * header to the socket's address when the request has none, and a reverse proxy appends the
 * address it saw, so the last entry is the one no client can choose; the first is whatever the
 * client sent. (Without a proxy, a client that sends the header itself is still believed: Next
 * keeps it and hides the socket.)
 */
export function clientIp(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || req.headers.get("x-real-ip") || "unknown";
}

type ParamsOf<Schema> = Schema extends z.ZodType ? z.infer<Schema> : Record<string, never>;

export function route<Auth extends AuthRequirement, ParamsSchema extends z.ZodType | undefined = undefined>(
  options: {
    auth: Auth;
    /** Validates the dynamic path segments (`[id]` → `{ id }`); a mismatch is a 404. */
    params?: ParamsSchema;
    /** Health probes answer before migrations finish; everything else waits for them. */
    waitForDatabase?: boolean;
    /** The permission an API key needs. Default: read for GET and HEAD, write for everything else. */
    scope?: Scope;
    /** Refuse API keys (e.g. managing API keys themselves): browser sessions only. */
    sessionOnly?: boolean;
  },
  handler: (ctx: HandlerContext<Auth, ParamsOf<ParamsSchema>>) => Promise<Response>,
) {
  return async (req: Request, segment?: { params: Promise<Record<string, unknown>> }): Promise<Response> => {
    const incoming = req.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    const pathname = new URL(req.url).pathname;
    const ip = clientIp(req);
    const limits = trackerFor(rateLimitStore(), pathname);
    try {
      await limits?.check(checksBeforeAuth({ pathname, method: req.method, ip }));
      if (options.waitForDatabase !== false) {
        await ensureMigrated().catch(() => {
          throw new AppError("not_ready", "The database is not ready yet. Try again in a moment.");
        });
      }
      const scope = options.scope ?? (req.method === "GET" || req.method === "HEAD" ? "read" : "write");
      const principal =
        options.auth === "public"
          ? undefined
          : await requirePrincipal(req, options.auth, { scope, sessionOnly: options.sessionOnly });
      if (principal) await limits?.check(checksAfterAuth({ pathname, method: req.method, principal }));
      const rawParams = (await segment?.params) ?? {};
      const parsedParams = options.params ? options.params.safeParse(rawParams) : { success: true as const, data: {} };
      if (!parsedParams.success) throw new AppError("not_found", "Not found.");
      const ctx = { req, params: parsedParams.data, requestId, ip, principal } as HandlerContext<
        Auth,
        ParamsOf<ParamsSchema>
      >;
      const response = await handler(ctx);
      response.headers.set("X-Request-Id", requestId);
      limits?.applyHeaders(response.headers);
      return response;
    } catch (error) {
      const response = errorResponse(toAppError(error, requestId), { "X-Request-Id": requestId });
      limits?.applyHeaders(response.headers);
      return response;
    }
  };
}

/** Path params for `[id]` routes: ids are short opaque strings. */
export const idParams = z.object({ id: z.string().min(1).max(64) });

/**
 * Reads and validates a JSON body: wrong content type → 415, malformed JSON → 400 invalid_json,
 * bad fields → 422. Requiring application/json also stops cross-site HTML forms, which can
 * only send form or text bodies without a CORS preflight.
 */
export async function parseJson<Schema extends z.ZodType>(req: Request, schema: Schema): Promise<z.infer<Schema>> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  let body: unknown;
  try {
    body = JSON.parse(await req.text());
  } catch {
    throw new AppError("invalid_json", "The request body must be valid JSON.");
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new AppError("validation_failed", formatZodError(result.error));
  return result.data;
}

/** Validates query parameters (coerce in the schema for numbers and booleans). */
export function parseQuery<Schema extends z.ZodType>(req: Request, schema: Schema): z.infer<Schema> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const result = schema.safeParse(query);
  if (!result.success) throw new AppError("validation_failed", formatZodError(result.error));
  return result.data;
}
