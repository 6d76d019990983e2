import { ownerOf } from "@/lib/api-keys/owner";
import { updateApiKeyInput } from "@/lib/api-keys/schemas";
import { getApiKeyOrThrow, revokeApiKey, updateApiKey } from "@/lib/api-keys/service";
import { idParams, parseJson, route } from "@/lib/http/route";

// GET /api/v1/api-keys/:id — one of my keys
export const GET = route({ auth: "user", sessionOnly: true, params: idParams }, async ({ principal, params }) => {
  return Response.json(await getApiKeyOrThrow({ owner: ownerOf(principal), apiKeyId: params.id }));
});

// PUT /api/v1/api-keys/:id — rename, change permissions, expiry or hourly limit
export const PUT = route({ auth: "user", sessionOnly: true, params: idParams }, async ({ req, principal, params }) => {
  const input = await parseJson(req, updateApiKeyInput);
  return Response.json(await updateApiKey({ owner: ownerOf(principal), apiKeyId: params.id, input }));
});

// DELETE /api/v1/api-keys/:id — revoke: the key (and any rotated-out secret) stops working at once
export const DELETE = route({ auth: "user", sessionOnly: true, params: idParams }, async ({ principal, params }) => {
  return Response.json(await revokeApiKey({ owner: ownerOf(principal), apiKeyId: params.id }));
});
