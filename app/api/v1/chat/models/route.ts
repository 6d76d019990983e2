import { z } from "zod";
import { catalogueModelSchema } from "@/lib/ai/catalogue";
import { aiRuntime } from "@/lib/ai/runtime";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    summary: "Models that have at least one configured provider key",
    response: { status: 200, schema: z.object({ items: z.array(catalogueModelSchema) }) },
  },
  async () => Response.json({ items: aiRuntime().models }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
