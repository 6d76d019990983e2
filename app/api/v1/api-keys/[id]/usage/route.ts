import { apiKeyUsage, apiKeyUsageQuery } from "@/lib/api-keys/schemas";
import { getApiKeyUsage } from "@/lib/api-keys/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    sessionOnly: true,
    params: idParams,
    summary: "Per-day model calls, tokens and cost for one of my keys",
    query: apiKeyUsageQuery,
    response: { status: 200, schema: apiKeyUsage },
  },
  async ({ principal, params, query }) => Response.json(await getApiKeyUsage({ owner: principal, apiKeyId: params.id, query })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
