import { ownerOf } from "@/lib/api-keys/owner";
import { createApiKeyInput } from "@/lib/api-keys/schemas";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";
import { paginationQuery } from "@/lib/pagination";
import { parseJson, parseQuery, route } from "@/lib/http/route";

// GET /api/v1/api-keys — my API keys (never their secrets), newest first, cursor-paginated
export const GET = route({ auth: "user", sessionOnly: true }, async ({ req, principal }) => {
  return Response.json(await listApiKeys({ owner: ownerOf(principal), ...parseQuery(req, paginationQuery) }));
});

// POST /api/v1/api-keys — create a key; the response holds its secret, shown this once
export const POST = route({ auth: "user", sessionOnly: true }, async ({ req, principal }) => {
  const input = await parseJson(req, createApiKeyInput);
  return Response.json(await createApiKey({ owner: ownerOf(principal), input }), { status: 201 });
});
