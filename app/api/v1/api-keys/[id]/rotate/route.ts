import { createdApiKey, rotateApiKeyInput } from "@/lib/api-keys/schemas";
import { rotateApiKey } from "@/lib/api-keys/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "user",
    sessionOnly: true,
    params: idParams,
    summary: "A new secret (shown once); the old one works for the grace period",
    // No body → the default grace period.
    body: rotateApiKeyInput,
    bodyOptional: true,
    response: { status: 200, schema: createdApiKey },
  },
  async ({ principal, params, body }) => Response.json(await rotateApiKey({ owner: principal, apiKeyId: params.id, input: body })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
