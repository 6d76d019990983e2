// The OpenAPI 3.1 document, built from the route definitions themselves: each handler carries
// the summary, auth, schemas and rate-limit group its route() call declared, and request and
// response schemas are converted from the same zod schemas the wrapper parses with. The list of
// route modules comes from app/ (lib never imports app/), keyed by OpenAPI path.
import { z } from "zod";
import { errorBodySchema } from "@/lib/http/errors";
import { openAiErrorBodySchema } from "@/lib/http/openai-errors";
import type { MethodNotAllowedHandler, ResponseDeclaration, RouteDefinition, RouteHandler } from "@/lib/http/route";

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** A route.ts module: the handlers it exports by method. */
export type RouteModule = Partial<Record<HttpMethod, RouteHandler>>;

/**
 * The methods a route module serves: its exports that carry a route definition. The others are
 * `methodsNotAllowed` stubs answering 405, which neither the document nor the limits list.
 */
export function servedMethods(module: Partial<Record<HttpMethod, RouteHandler | MethodNotAllowedHandler>>): RouteModule {
  return Object.fromEntries(
    httpMethods.flatMap((method) => {
      const handler = module[method];
      return handler && "definition" in handler ? [[method, handler]] : [];
    }),
  );
}

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

const rateLimitHeaders = {
  "X-RateLimit-Limit": { $ref: "#/components/headers/X-RateLimit-Limit" },
  "X-RateLimit-Remaining": { $ref: "#/components/headers/X-RateLimit-Remaining" },
  "X-RateLimit-Reset": { $ref: "#/components/headers/X-RateLimit-Reset" },
};

/** `schema` names the component: `Error`, or `OpenAiError` for routes with `errorFormat: "openai"`. */
function errorResponse(description: string, headers: Record<string, unknown>, schema = "Error") {
  return { description, headers, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } };
}

function contentOf(declaration: ResponseDeclaration): Record<string, { schema: JsonSchema }> | undefined {
  if ("schema" in declaration) return { "application/json": { schema: toJsonSchema(declaration.schema, "output") } };
  if ("stream" in declaration) return { "text/event-stream": { schema: { type: "string" } } };
  if ("file" in declaration) return { "application/octet-stream": { schema: { type: "string", format: "binary" } } };
  return undefined;
}

/** Declarations sharing a status (JSON or SSE from one endpoint) become one response with both content types. */
function successResponses(definition: RouteDefinition, headers: Record<string, unknown>) {
  const declarations: readonly ResponseDeclaration[] = Array.isArray(definition.response) ? definition.response : [definition.response];
  const responses: Record<string, { description: string; headers: Record<string, unknown>; content?: Record<string, { schema: JsonSchema }> }> = {};
  for (const declaration of declarations) {
    const existing = responses[declaration.status];
    const content = contentOf(declaration);
    const description = declaration.description ?? "Success";
    if (existing) {
      existing.description = `${existing.description}; or ${description}`;
      existing.content = { ...existing.content, ...content };
    } else {
      responses[declaration.status] = { description, headers, ...(content ? { content } : {}) };
    }
  }
  return responses;
}

function requestBodyOf(definition: RouteDefinition): { required: boolean; content: Record<string, { schema: JsonSchema }> } | undefined {
  const body = definition.body;
  if (!body) return undefined;
  if (body instanceof z.ZodType) {
    return { required: !definition.bodyOptional, content: { "application/json": { schema: toJsonSchema(body, "input") } } };
  }
  const fields = toJsonSchema(body.multipart, "input");
  const schema = {
    ...fields,
    properties: { file: { type: "string", format: "binary", description: "The file" }, ...(fields.properties as JsonSchema | undefined) },
    required: ["file", ...((fields.required as string[] | undefined) ?? [])],
  };
  return { required: true, content: { "multipart/form-data": { schema } } };
}

function parametersOf(path: string, definition: RouteDefinition) {
  const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1]!,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = definition.query ? toJsonSchema(definition.query, "input") : undefined;
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

function operationIdOf(method: HttpMethod, path: string): string {
  const words = path.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "By-$1");
  return `${method.toLowerCase()}${words.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : ""))}`;
}

function operationOf(method: HttpMethod, path: string, definition: RouteDefinition) {
  const { auth } = definition;
  const isPublic = auth === "public";
  const role = typeof auth === "object" && (auth.role === "admin" || auth.role === "moderator") ? auth.role : undefined;
  const scope = role ? "admin" : (definition.scope ?? (method === "GET" ? "read" : "write"));
  const limited = definition.limit !== "exempt";
  const headers = limited ? rateLimitHeaders : {};
  const responses: Record<string, unknown> = successResponses(definition, headers);
  const openAi = definition.errorFormat === "openai";
  const error = (description: string, errorHeaders = headers) => errorResponse(description, errorHeaders, openAi ? "OpenAiError" : "Error");
  if (openAi && definition.body instanceof z.ZodType) {
    // OpenAI has no 422: every bad request is a 400 whose `param` names the field.
    responses["400"] = error("Malformed JSON, a field that failed validation, or an unsupported field such as `tools` (`param` names it)");
  } else if (definition.body instanceof z.ZodType || definition.query) {
    responses["422"] = error("A field failed validation; the message names it");
  }
  if (!isPublic) {
    responses["401"] = error("No session, or an unknown, malformed, revoked or expired API key");
    responses["403"] = error(
      definition.sessionOnly
        ? "API keys cannot use this endpoint, or the role does not allow it"
        : `The API key lacks the ${scope} permission, or the role does not allow it`,
    );
  }
  if (path.includes("{")) responses["404"] = error("Not found, or not yours");
  if (limited) {
    responses["429"] = error("Rate limited", { ...headers, "Retry-After": { $ref: "#/components/headers/Retry-After" } });
  }
  for (const declared of definition.errors ?? []) responses[declared.status] = error(declared.description);
  return {
    operationId: operationIdOf(method, path),
    summary: definition.summary,
    tags: [definition.tag ?? path.split("/")[3] ?? "api"],
    security: isPublic ? [] : definition.sessionOnly ? [{ session: [] }] : [{ session: [] }, { apiKey: [] }],
    "x-permission": isPublic ? undefined : scope,
    "x-roles": role ? [role] : undefined,
    "x-rate-limit-group": definition.limit && limited ? definition.limit : undefined,
    parameters: parametersOf(path, definition),
    requestBody: requestBodyOf(definition),
    responses,
  };
}

export type OpenApiOperation = ReturnType<typeof operationOf>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, unknown>;
  tags: { name: string }[];
}

/** `routes` maps each OpenAPI path (`/api/v1/chat/{id}`) to its route.ts module. */
export function buildOpenApiDocument(routes: Record<string, RouteModule>): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const [path, module] of Object.entries(routes)) {
    for (const method of httpMethods) {
      const handler = module[method];
      if (handler) (paths[path] ??= {})[method.toLowerCase()] = operationOf(method, path, handler.definition);
    }
  }
  const tags = [...new Set(Object.values(paths).flatMap((methods) => Object.values(methods).flatMap((operation) => operation.tags)))].sort();
  return {
    openapi: "3.1.0",
    info: {
      title: "BaatCheet API",
      version: "1",
      description:
        "Every route answers JSON errors as `{ \"error\": { \"code\", \"message\" } }`, except the OpenAI-compatible ones, which answer OpenAI's `{ \"error\": { \"message\", \"type\", \"param\", \"code\" } }` (schema `OpenAiError`). A single resource answers `{ \"<name>\": … }` and a list `{ \"items\": […], \"nextCursor\" }` (`nextCursor` when paginated). Authenticate with the browser session or `Authorization: Bearer bc_…` (an API key from Settings → API keys). GET needs the read permission, other methods write, admin routes admin. `/api/v1/chat/completions` and `/api/v1/models` speak the OpenAI format: point an OpenAI client's base URL at `<origin>/api/v1`.",
    },
    paths,
    tags: tags.map((name) => ({ name })),
    components: {
      schemas: { Error: toJsonSchema(errorBodySchema, "output"), OpenAiError: toJsonSchema(openAiErrorBodySchema, "output") },
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
