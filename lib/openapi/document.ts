// The OpenAPI 3.1 document: every operation the route files export (routes.generated.ts), with
// request and response schemas converted from the same zod schemas the handlers parse with.
import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import { operationDetails, type OperationDetails } from "./operations";
import { scannedRoutes } from "./routes.generated";
import type { ScannedRoute } from "./scan-routes";

type JsonSchema = Record<string, unknown>;

/** Dates leave the API as ISO 8601 strings; transforms are documented by their input or output side. */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
    },
  });
  // The document's own dialect applies (OpenAPI 3.1 is JSON Schema 2020-12).
  delete json.$schema;
  return json;
}

const errorSchema = toJsonSchema(
  z.object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [string, ...string[]]).describe("Stable, machine-readable"),
      message: z.string().describe("Written for people"),
      retry_after: z.int().optional().describe("Seconds to wait (429 only)"),
    }),
  }),
  "output",
);

const rateLimitHeaders = {
  "X-RateLimit-Limit": { $ref: "#/components/headers/X-RateLimit-Limit" },
  "X-RateLimit-Remaining": { $ref: "#/components/headers/X-RateLimit-Remaining" },
  "X-RateLimit-Reset": { $ref: "#/components/headers/X-RateLimit-Reset" },
};

const errorResponse = (description: string, extraHeaders: Record<string, unknown> = {}) => ({
  description,
  headers: { ...rateLimitHeaders, ...extraHeaders },
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function tagOf(route: ScannedRoute, details: OperationDetails | undefined): string {
  return details?.tag ?? route.path.split("/")[3] ?? "api";
}

function parametersOf(route: ScannedRoute, details: OperationDetails | undefined) {
  const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1]!,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = details?.query ? toJsonSchema(details.query, "input") : undefined;
  const properties = (query?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const queryParameters = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.has(name),
    description: schema.description,
    schema,
  }));
  return [...pathParameters, ...queryParameters];
}

function operationOf(route: ScannedRoute) {
  const details = operationDetails[`${route.method} ${route.path}`];
  const isPublic = route.auth === "public";
  const scope = route.auth === "admin" || route.auth === "moderator" ? "admin" : (details?.scope ?? (route.method === "GET" ? "read" : "write"));
  const success = details?.response ?? { status: 200 };
  const successContent = success.stream
    ? { "text/event-stream": { schema: { type: "string" } } }
    : success.schema
      ? { "application/json": { schema: toJsonSchema(success.schema, "output") } }
      : { "application/json": { schema: { type: "object" } } };
  const responses: Record<string, unknown> = {
    [success.status]: { description: success.description ?? "Success", headers: rateLimitHeaders, content: successContent },
  };
  if (details?.body) responses["422"] = errorResponse("A field failed validation; the message names it");
  if (!isPublic) {
    responses["401"] = errorResponse("No session, or an unknown, malformed, revoked or expired API key");
    responses["403"] = errorResponse(
      route.sessionOnly ? "API keys cannot use this endpoint, or the role does not allow it" : `The API key lacks the ${scope} permission, or the role does not allow it`,
    );
  }
  if (route.path.includes("{")) responses["404"] = errorResponse("Not found, or not yours");
  if (!route.path.startsWith("/api/v1/health")) {
    responses["429"] = errorResponse("Rate limited", { "Retry-After": { $ref: "#/components/headers/Retry-After" } });
  }
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : ""))}`,
    summary: route.summary,
    tags: [tagOf(route, details)],
    security: isPublic ? [] : route.sessionOnly ? [{ session: [] }] : [{ session: [] }, { apiKey: [] }],
    "x-permission": isPublic ? undefined : scope,
    "x-roles": route.auth === "admin" || route.auth === "moderator" ? [route.auth] : undefined,
    parameters: parametersOf(route, details),
    requestBody: details?.body
      ? { required: true, content: { "application/json": { schema: toJsonSchema(details.body, "input") } } }
      : undefined,
    responses,
  };
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  paths: Record<string, Record<string, ReturnType<typeof operationOf>>>;
  components: Record<string, unknown>;
  tags: { name: string }[];
}

export function buildOpenApiDocument(routes: ScannedRoute[] = scannedRoutes): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  const tags = [...new Set(Object.values(paths).flatMap((methods) => Object.values(methods).flatMap((operation) => operation.tags)))].sort();
  return {
    openapi: "3.1.0",
    info: {
      title: "BaatCheet API",
      version: "1",
      description:
        "Every route answers JSON errors as `{ \"error\": { \"code\", \"message\" } }`. Authenticate with the browser session or `Authorization: Bearer bc_…` (an API key from Settings → API keys). GET needs the read permission, other methods write, admin routes admin. `/api/v1/chat/completions` and `/api/v1/models` speak the OpenAI format: point an OpenAI client's base URL at `<origin>/api/v1`.",
    },
    paths,
    tags: tags.map((name) => ({ name })),
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The web app's session" },
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "bc_…", description: "A BaatCheet API key" },
      },
      headers: {
        "X-RateLimit-Limit": { description: "Requests allowed in the tightest window that applies", schema: { type: "integer" } },
        "X-RateLimit-Remaining": { description: "Requests left in that window", schema: { type: "integer" } },
        "X-RateLimit-Reset": { description: "Unix time (seconds) when that window ends", schema: { type: "integer" } },
        "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer" } },
      },
    },
  };
}
