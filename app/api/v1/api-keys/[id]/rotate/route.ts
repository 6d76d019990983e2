import { ownerOf } from "@/lib/api-keys/owner";
import { rotateApiKeyInput } from "@/lib/api-keys/schemas";
import { rotateApiKey } from "@/lib/api-keys/service";
import { idParams, parseJson, route } from "@/lib/http/route";

// POST /api/v1/api-keys/:id/rotate — a new secret (shown once); the old one works for the grace period
export const POST = route({ auth: "user", sessionOnly: true, params: idParams }, async ({ req, principal, params }) => {
  // The body is optional: no body → the default grace period.
  const hasBody = req.headers.has("content-type") || !["0", null].includes(req.headers.get("content-length"));
  const input = hasBody ? await parseJson(req, rotateApiKeyInput) : rotateApiKeyInput.parse({});
  return Response.json(await rotateApiKey({ owner: ownerOf(principal), apiKeyId: params.id, input }));
});
