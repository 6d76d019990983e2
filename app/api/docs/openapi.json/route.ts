import { z } from "zod";
import { route } from "@/lib/http/route";
import { openApiDocument } from "../api-routes";

export const GET = route(
  {
    auth: "public",
    waitForDatabase: false,
    summary: "The OpenAPI 3.1 document for /api/v1",
    response: { status: 200, schema: z.looseObject({ openapi: z.literal("3.1.0") }) },
  },
  async () => Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);
