import { apiKeyResponse, updateApiKeyInput } from "@/lib/api-keys/schemas";
import { getApiKeyOrThrow, revokeApiKey, updateApiKey } from "@/lib/api-keys/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  { auth: "user", sessionOnly: true, params: idParams, summary: "One of my keys", response: { status: 200, schema: apiKeyResponse } },
  async ({ principal, params }) => Response.json({ apiKey: await getApiKeyOrThrow({ owner: principal, apiKeyId: params.id }) }),
);

export const PUT = route(
  {
    auth: "user",
    sessionOnly: true,
    params: idParams,
    summary: "Rename, change permissions, expiry or hourly limit",
    body: updateApiKeyInput,
    response: { status: 200, schema: apiKeyResponse },
  },
  async ({ principal, params, body }) =>
    Response.json({ apiKey: await updateApiKey({ owner: principal, apiKeyId: params.id, input: body }) }),
);

export const DELETE = route(
  {
    auth: "user",
    sessionOnly: true,
    params: idParams,
    summary: "Revoke: the key (and any rotated-out secret) stops working at once",
    response: { status: 200, schema: apiKeyResponse, description: "The revoked key" },
  },
  async ({ principal, params }) => Response.json({ apiKey: await revokeApiKey({ owner: principal, apiKeyId: params.id }) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PATCH, OPTIONS } = methodsNotAllowed(["GET", "PUT", "DELETE"]);
