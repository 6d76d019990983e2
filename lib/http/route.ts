// The one wrapper every API route goes through: request id, rate limits, readiness,
// authentication, parsing the declared query and body, and turning anything thrown into the
// stable JSON error shape. The declaration a route passes is kept on the handler it returns
// (`handler.definition`): the OpenAPI document and the limits read that same object, so what a
// route validates, what it documents and how it is limited cannot drift apart.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ensureMigrated } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePrincipal, type AuthRequirement, type Principal, type Scope } from "@/lib/auth/principal";
import { checksAfterAuth, checksBeforeAuth, trackerFor } from "@/lib/ratelimit/enforce";
import type { LimitGroup } from "@/lib/ratelimit/policies";
import { rateLimitStore } from "@/lib/ratelimit/store";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { bearerToken } from "@/lib/api-keys/secret";
import { DEFAULT_JSON_BODY_LIMIT_BYTES, readBodyText } from "./body-limit";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { isShuttingDown } from "@/lib/process/shutdown";
import { clientAddress } from "./client-address";
import { databaseUnavailable, errorResponse, toAppError, validationError, type ErrorFormat } from "./errors";
import { assertSameOrigin } from "./origin";
import { assertStorableText, findUnstorableText } from "./text-safety";

/** A multipart upload: the handler reads the form itself (its size cap is the domain's); `fields` documents the text fields beside `file`. */
interface MultipartBody {
  multipart: z.ZodObject;
}

/** One success answer. Every route declares at least one, so every operation in the document has a schema. */
export type ResponseDeclaration = { status: number; description?: string } & (
  | { schema: z.ZodType }
  /** Server-sent events; `description` says what the events are. */
  | { stream: true; description: string }
  /** The stored file's bytes, with its own content type. */
  | { file: true; description: string }
  | { empty: true; description: string }
);

export interface RouteDefinition<
  Auth extends AuthRequirement = AuthRequirement,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | MultipartBody | undefined = z.ZodType | MultipartBody | undefined,
> {
  auth: Auth;
  /** One line for people: the OpenAPI summary. */
  summary: string;
  /** Validates the dynamic path segments (`[id]` → `{ id }`); a mismatch is a 404. */
  params?: Params;
  /** Validates the query string (coerce numbers and booleans in the schema); a mismatch is a 422. */
  query?: Query;
  /** A JSON body (415 if not JSON, 400 if malformed, 422 if invalid), or a multipart upload. */
  body?: Body;
  /** An absent JSON body (no content type, no length) parses as `{}`. */
  bodyOptional?: boolean;
  response: ResponseDeclaration | readonly ResponseDeclaration[];
  /** The rate-limit group of policies.ts this route counts against besides the global limits; "exempt" skips every limit. */
  limit?: LimitGroup;
  /** Health probes answer before migrations finish; everything else waits for them. */
  waitForDatabase?: boolean;
  /** The permission an API key needs. Default: read for GET and HEAD, write for everything else. */
  scope?: Scope;
  /** Refuse API keys (e.g. managing API keys themselves): browser sessions only. */
  sessionOnly?: boolean;
  /** The OpenAPI tag; default: the path's first segment after /api/v1. */
  tag?: string;
  /**
   * How errors are worded. "openai" (the OpenAI-compatible routes) renders every error of this
   * route, the wrapper's own included, as OpenAI does: `{ error: { message, type, param, code } }`,
   * 400 instead of 422, an unknown model 404. Default "baatcheet": `{ error: { code, message } }`.
   */
  errorFormat?: ErrorFormat;
  /** Errors the handler answers besides the wrapper's own (auth, validation, limits), for the OpenAPI document. */
  errors?: readonly { status: number; description: string }[];
}

interface RouteContext<Params, Query, Body> {
  req: Request;
  params: Params;
  query: Query;
  body: Body;
  requestId: string;
  ip: string;
}

type Parsed<Schema, Otherwise> = Schema extends z.ZodType ? z.output<Schema> : Otherwise;

type HandlerContext<Auth extends AuthRequirement, Params, Query, Body> = RouteContext<
  Parsed<Params, Record<string, never>>,
  Parsed<Query, Record<string, never>>,
  Parsed<Body, undefined>
> &
  (Auth extends "public" ? { principal?: undefined } : { principal: Principal });

export type RouteHandler = ((req: Request, segment?: { params: Promise<Record<string, unknown>> }) => Promise<Response>) & {
  definition: RouteDefinition;
};

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's X-Request-Id when it is a sane token, else a fresh one. */
function requestIdOf(req: Request): string {
  const incoming = req.headers.get("x-request-id");
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}

/** nginx's status for a request whose client left before the answer; only ever seen in logs. */
const CLIENT_CLOSED_REQUEST = 499;

export function route<
  Auth extends AuthRequirement,
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | MultipartBody | undefined = undefined,
>(
  definition: RouteDefinition<Auth, Params, Query, Body>,
  handler: (ctx: HandlerContext<Auth, Params, Query, Body>) => Promise<Response>,
): RouteHandler {
  const wrapped = async (req: Request, segment?: { params: Promise<Record<string, unknown>> }): Promise<Response> => {
    const requestId = requestIdOf(req);
    const ip = clientAddress(req);
    const limits = trackerFor(rateLimitStore(), definition.limit);
    try {
      await limits?.check(checksBeforeAuth({ group: definition.limit, ip }));
      // A request with an API key carries no ambient credential a foreign page could borrow.
      if (bearerToken(req.headers) === null) assertSameOrigin(req, env.AUTH_URL);
      // Probes still answer (readiness says 503); everything else is new work this process will not start.
      if (isShuttingDown() && definition.waitForDatabase !== false) {
        throw new AppError("shutting_down", "The server is restarting. Send the request again in a few seconds.", { retryAfterSeconds: 5 });
      }
      if (definition.waitForDatabase !== false) {
        await ensureMigrated().catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) throw databaseUnavailable();
          throw new AppError("not_ready", "The database is not ready yet. Try again in a moment.");
        });
      }
      const scope = definition.scope ?? (req.method === "GET" || req.method === "HEAD" ? "read" : "write");
      // Authenticate before parsing anything, so an anonymous caller gets 401 and not a 422.
      const principal =
        definition.auth === "public"
          ? undefined
          : await requirePrincipal(req, definition.auth, { scope, sessionOnly: definition.sessionOnly });
      if (principal) await limits?.check(checksAfterAuth({ group: definition.limit, subject: principal }));
      const rawParams = (await segment?.params) ?? {};
      // A path segment no row could have (NUL, a broken surrogate) names nothing: 404, before any query sees it.
      const params = definition.params ? definition.params.safeParse(rawParams) : { success: true as const, data: {} };
      if (!params.success || findUnstorableText(rawParams) !== null) throw new AppError("not_found", "Not found.");
      const query = definition.query ? parseQuery(req, definition.query) : {};
      const body = definition.body instanceof z.ZodType ? await parseJson(req, definition.body, definition.bodyOptional) : undefined;
      const ctx = { req, params: params.data, query, body, requestId, ip, principal } as HandlerContext<Auth, Params, Query, Body>;
      const response = await handler(ctx);
      response.headers.set("X-Request-Id", requestId);
      limits?.applyHeaders(response.headers);
      return response;
    } catch (error) {
      // The client went away mid-request (a body cut short, a closed socket): nobody reads an
      // answer, and it is not a failure of ours to log as one.
      if (req.signal.aborted) {
        log.debug("client went away", { requestId, error: error instanceof Error ? error.message : String(error) });
        return new Response(null, { status: CLIENT_CLOSED_REQUEST });
      }
      const response = errorResponse(toAppError(error, requestId), { "X-Request-Id": requestId }, definition.errorFormat);
      limits?.applyHeaders(response.headers);
      return response;
    }
  };
  return Object.assign(wrapped, { definition: definition as RouteDefinition });
}

/** The HTTP methods a route module may export (Next answers any other method with its own bare 405). */
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type HttpMethodName = (typeof HTTP_METHODS)[number];

/** A handler answering a method its path does not serve; the OpenAPI document and limits skip it. */
export type MethodNotAllowedHandler = ((req: Request) => Promise<Response>) & { notAllowed: true };

/**
 * Handlers for the methods a route module does not serve. Next answers a method a route.ts
 * does not export with a bare 405 of its own (no JSON body), and answers OPTIONS from the
 * exports, so each route module exports these for its other methods:
 * `export const { PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsNotAllowed(["GET", "POST"]);`
 * — 405 with `Allow` and the JSON error body, and OPTIONS answering 204 with the same `Allow`
 * (Next's own OPTIONS would list these stubs as served). HEAD is served wherever GET is.
 */
export function methodsNotAllowed(served: readonly HttpMethodName[]): Record<HttpMethodName, MethodNotAllowedHandler> {
  const allowed = HTTP_METHODS.filter((method) => served.includes(method) || method === "OPTIONS" || (method === "HEAD" && served.includes("GET")));
  const allow = allowed.join(", ");
  const refuse = async (req: Request): Promise<Response> => {
    const error = new AppError("method_not_allowed", `${req.method} is not supported on this path. Allowed: ${allow}.`);
    return errorResponse(error, { Allow: allow, "X-Request-Id": requestIdOf(req) });
  };
  const options = async (req: Request): Promise<Response> => new Response(null, { status: 204, headers: { Allow: allow, "X-Request-Id": requestIdOf(req) } });
  return Object.fromEntries(
    HTTP_METHODS.map((method) => [method, Object.assign(method === "OPTIONS" ? options : refuse, { notAllowed: true as const })]),
  ) as Record<HttpMethodName, MethodNotAllowedHandler>;
}

/** Path params for `[id]` routes: ids are short opaque strings. */
export const idParams = z.object({ id: z.string().min(1).max(64) });

/** Documents a multipart upload whose text fields beside `file` are `fields`. */
export const multipart = (fields: z.ZodObject = z.object({})): MultipartBody => ({ multipart: fields });

function hasNoBody(req: Request): boolean {
  return !req.headers.has("content-type") && ["0", null].includes(req.headers.get("content-length"));
}

/**
 * Reads and validates a JSON body: wrong content type → 415, malformed JSON → 400 invalid_json,
 * bad fields → 422 (a field marked unsupported → 400). Requiring application/json also stops cross-site HTML forms, which can
 * only send form or text bodies without a CORS preflight.
 */
async function parseJson(req: Request, schema: z.ZodType, optional = false): Promise<unknown> {
  if (optional && hasNoBody(req)) return validate(schema, {});
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  const text = await readBodyText(req, DEFAULT_JSON_BODY_LIMIT_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body must be valid JSON.");
  }
  return validate(schema, body);
}

function parseQuery(req: Request, schema: z.ZodType): unknown {
  return validate(schema, Object.fromEntries(new URL(req.url).searchParams));
}

/** Every string of every request is checked here, once, before any schema or service sees it. */
function validate(schema: z.ZodType, value: unknown): unknown {
  assertStorableText(value);
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
