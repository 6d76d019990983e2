// The route list is written by hand, so these tests hold it to the folders, and hold every
// operation to having its schemas.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { httpMethods, type OpenApiOperation } from "@/lib/openapi/document";
import { GET as getDocument } from "./openapi.json/route";
import { apiRoutes, openApiDocument } from "./api-routes";

const v1 = path.join(process.cwd(), "app/api/v1");

/** Every route.ts under app/api/v1 but the catch-all that answers JSON 404s (not an endpoint). */
async function routeFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "[...path]") found.push(...(await routeFolders(full)));
    else if (entry.name === "route.ts") found.push(dir);
  }
  return found;
}

const openApiPathOf = (folder: string) =>
  `/${path
    .relative(path.join(process.cwd(), "app"), folder)
    .split(path.sep)
    .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))
    .join("/")}`;

const document = openApiDocument();
const operations = Object.entries(document.paths).flatMap(([apiPath, methods]) =>
  Object.entries(methods).map(([method, operation]): [string, OpenApiOperation] => [`${method.toUpperCase()} ${apiPath}`, operation]),
);

describe("the route list", () => {
  it("has every route.ts under app/api/v1, under the path of its folder, with every method it exports", async () => {
    const folders = await routeFolders(v1);
    expect(folders.length).toBeGreaterThan(40);
    expect(Object.keys(apiRoutes).sort()).toEqual(folders.map(openApiPathOf).sort());
    for (const folder of folders) {
      const exported: Record<string, unknown> = await import(path.join(folder, "route.ts"));
      const listed = apiRoutes[openApiPathOf(folder)]!;
      for (const method of httpMethods) {
        const handler = exported[method];
        // A method the folder does not serve is exported as a 405 stub, and left out of the list.
        if (handler && typeof handler === "function" && "notAllowed" in handler) expect(listed[method], `${method} ${openApiPathOf(folder)}`).toBeUndefined();
        else expect(listed[method], `${method} ${openApiPathOf(folder)}`).toBe(handler);
      }
    }
  });

  it("declares the auth limit group on every /api/v1/auth route, chat on the two turn endpoints, export on exports, exempt on the probes", () => {
    const groups = Object.entries(apiRoutes).flatMap(([apiPath, module]) =>
      httpMethods.flatMap((method) => (module[method]?.definition.limit ? [`${module[method].definition.limit} ${method} ${apiPath}`] : [])),
    );
    const authRoutes = operations.filter(([name]) => name.includes(" /api/v1/auth/")).map(([name]) => `auth ${name}`);
    expect(groups.sort()).toEqual(
      [
        ...authRoutes,
        "chat POST /api/v1/chat",
        "chat POST /api/v1/chat/completions",
        "export POST /api/v1/export",
        "exempt GET /api/v1/health",
        "exempt GET /api/v1/health/live",
        "exempt GET /api/v1/health/ready",
      ].sort(),
    );
  });
});

describe("OpenAPI document", () => {
  it("gives every operation a summary, a success response with a schema, and a request body schema where it takes one", () => {
    const lacking: string[] = [];
    for (const [name, operation] of operations) {
      if (!operation.summary) lacking.push(`${name}: summary`);
      const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith("2"));
      if (successes.length === 0) lacking.push(`${name}: success response`);
      for (const [status, response] of successes) {
        if (status === "204") continue;
        const content = (response as { content?: Record<string, { schema?: Record<string, unknown> }> }).content ?? {};
        const schemas = Object.values(content).map((media) => media.schema);
        if (schemas.length === 0 || schemas.some((schema) => !schema || JSON.stringify(schema) === '{"type":"object"}')) {
          lacking.push(`${name}: ${status} response schema`);
        }
      }
      const [method, apiPath] = name.split(" ") as [string, string];
      const definition = apiRoutes[apiPath]![method as (typeof httpMethods)[number]]!.definition;
      const body = operation.requestBody?.content;
      if (definition.body && !body) lacking.push(`${name}: request body schema`);
      if (!definition.body && body) lacking.push(`${name}: documents a body it does not read`);
    }
    expect(lacking).toEqual([]);
    expect(operations.length).toBeGreaterThan(60);
  });

  it("documents multipart uploads as multipart/form-data with the file and the fields", () => {
    const upload = document.paths["/api/v1/audio/transcribe-upload"]!.post!.requestBody!.content;
    expect(Object.keys(upload)).toEqual(["multipart/form-data"]);
    expect(upload["multipart/form-data"]!.schema).toMatchObject({
      properties: { file: { type: "string", format: "binary" }, language: { type: "string" } },
      required: ["file"],
    });
  });

  it("documents each operation: auth, permission, tags, parameters, schemas from zod, errors and rate-limit headers", () => {
    expect(document.openapi).toBe("3.1.0");
    const operationIds = operations.map(([, operation]) => operation.operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);

    const create = document.paths["/api/v1/api-keys"]!.post!;
    expect(create.security).toEqual([{ session: [] }]);
    const body = create.requestBody!.content["application/json"]!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(body.properties)).toEqual(["name", "permissions", "expiresAt", "rateLimitPerHour"]);
    expect(body.required).toEqual(["name"]);
    const created = (create.responses["201"] as { content: Record<string, { schema: { properties: Record<string, { properties: Record<string, unknown> }> } }> })
      .content["application/json"]!.schema;
    expect(created.properties.apiKey!.properties.createdAt).toEqual({ type: "string", format: "date-time" });
    expect(create.responses).toHaveProperty("429.headers.Retry-After");

    const completions = document.paths["/api/v1/chat/completions"]!.post!;
    expect(completions.security).toEqual([{ session: [] }, { apiKey: [] }]);
    expect(completions["x-permission"]).toBe("write");
    expect(completions.tags).toEqual(["openai-compatible"]);
    expect(Object.keys((completions.responses["200"] as { content: object }).content)).toEqual(["application/json", "text/event-stream"]);
    expect(document.paths["/api/v1/models"]!.get!["x-permission"]).toBe("read");

    const usage = document.paths["/api/v1/api-keys/{id}/usage"]!.get!;
    expect(usage.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual(["path:id", "query:days"]);
    expect(document.paths["/api/v1/health/providers"]!.get!["x-permission"]).toBe("admin");
    expect(document.paths["/api/v1/auth/register"]!.post!.security).toEqual([]);
    expect(document.paths["/api/v1/health"]!.get!.responses).not.toHaveProperty("429");
  });

  it("documents OpenAI's error shape on the OpenAI-compatible operations: 400 (not 422), an unknown model 404", () => {
    const refOf = (response: unknown) => (response as { content: { "application/json": { schema: { $ref: string } } } }).content["application/json"].schema.$ref;
    const completions = document.paths["/api/v1/chat/completions"]!.post!;
    expect(Object.keys(completions.responses).sort()).toEqual(["200", "400", "401", "403", "404", "429", "503"]);
    for (const status of ["400", "401", "403", "404", "429", "503"]) expect(refOf(completions.responses[status])).toBe("#/components/schemas/OpenAiError");
    expect(completions.responses).toHaveProperty("429.headers.Retry-After");
    const models = document.paths["/api/v1/models"]!.get!;
    expect(refOf(models.responses["401"])).toBe("#/components/schemas/OpenAiError");
    expect(refOf(document.paths["/api/v1/api-keys"]!.post!.responses["422"])).toBe("#/components/schemas/Error");
    expect(document.components.schemas).toMatchObject({
      OpenAiError: {
        properties: {
          error: {
            properties: { message: { type: "string" }, param: { type: ["string", "null"] } },
            required: ["message", "type", "param", "code"],
          },
        },
      },
    });
  });

  it("is served at /api/docs/openapi.json", async () => {
    const response = await getDocument(new Request("http://localhost/api/docs/openapi.json"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
