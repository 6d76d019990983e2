import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getDocument } from "@/app/api/docs/openapi.json/route";
import { buildOpenApiDocument } from "./document";
import { scanRoutes } from "./scan-routes";

/** Walks app/api/v1 on its own (not through the scanner), as a second opinion. */
async function routeFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await routeFilesUnder(full)));
    else if (entry.name === "route.ts") found.push(full);
  }
  return found;
}

const document = buildOpenApiDocument();

describe("OpenAPI document", () => {
  it("has every method of every route.ts under app/api/v1 (else run `npm run openapi:routes`)", async () => {
    const root = path.join(process.cwd(), "app/api/v1");
    const files = (await routeFilesUnder(root)).filter((file) => !file.includes("[...path]"));
    expect(files.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const file of files) {
      const source = await readFile(file, "utf8");
      const methods = [...source.matchAll(/^export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((match) => match[1]!);
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      const apiPath = `/api/v1/${path
        .relative(root, path.dirname(file))
        .split(path.sep)
        .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))
        .join("/")}`.replace(/\/$/, "");
      for (const method of methods) {
        if (!document.paths[apiPath]?.[method.toLowerCase()]) missing.push(`${method} ${apiPath}`);
      }
    }
    expect(missing, "Routes missing from lib/openapi/routes.generated.ts: run `npm run openapi:routes`").toEqual([]);
  });

  it("is generated from the current route files", async () => {
    const scanned = await scanRoutes();
    expect(buildOpenApiDocument(scanned)).toEqual(document);
  });

  it("documents each operation: summary, auth, permission, schemas from zod, errors and rate-limit headers", () => {
    expect(document.openapi).toBe("3.1.0");
    const operationIds = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
    for (const [apiPath, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(operation.summary, `${method} ${apiPath} needs a // ${method.toUpperCase()} ${apiPath} — summary comment`).not.toBe("");
      }
    }
    const create = document.paths["/api/v1/api-keys"]!.post!;
    expect(create.security).toEqual([{ session: [] }]);
    const body = create.requestBody!.content["application/json"].schema as { properties: Record<string, { description?: string }>; required: string[] };
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
    expect(document.paths["/api/v1/models"]!.get!["x-permission"]).toBe("read");

    const usage = document.paths["/api/v1/api-keys/{id}/usage"]!.get!;
    expect(usage.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual(["path:id", "query:days"]);
    expect(document.paths["/api/v1/health/providers"]!.get!["x-permission"]).toBe("admin");
    expect(document.paths["/api/v1/auth/register"]!.post!.security).toEqual([]);
  });

  it("is served at /api/docs/openapi.json", async () => {
    const response = await getDocument(new Request("http://localhost/api/docs/openapi.json"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
