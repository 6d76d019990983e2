import { ownerOf } from "@/lib/api-keys/owner";
import { apiKeyUsageQuery } from "@/lib/api-keys/schemas";
import { getApiKeyUsage } from "@/lib/api-keys/service";
import { idParams, parseQuery, route } from "@/lib/http/route";

// GET /api/v1/api-keys/:id/usage — per-day model calls, tokens and cost for one of my keys
export const GET = route({ auth: "user", sessionOnly: true, params: idParams }, async ({ req, principal, params }) => {
  const query = parseQuery(req, apiKeyUsageQuery);
  return Response.json(await getApiKeyUsage({ owner: ownerOf(principal), apiKeyId: params.id, query }));
});
