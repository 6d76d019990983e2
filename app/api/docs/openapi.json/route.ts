import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/cached";

// GET /api/docs/openapi.json — the OpenAPI 3.1 document for /api/v1
export const GET = route({ auth: "public", waitForDatabase: false }, async () => {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
});
