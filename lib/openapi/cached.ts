import { buildOpenApiDocument, type OpenApiDocument } from "./document";

let cached: OpenApiDocument | undefined;

/** Built once per process: the routes and schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
