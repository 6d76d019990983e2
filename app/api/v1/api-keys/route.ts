import { apiKeyView, createApiKeyInput, createdApiKey } from "@/lib/api-keys/schemas";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { pageOf, paginationQuery } from "@/lib/pagination";

export const GET = route(
  {
    auth: "user",
    sessionOnly: true,
    summary: "My API keys (never their secrets), newest first, cursor-paginated",
    query: paginationQuery,
    response: { status: 200, schema: pageOf(apiKeyView) },
  },
  async ({ principal, query }) => Response.json(await listApiKeys({ owner: principal, ...query })),
);

export const POST = route(
  {
    auth: "user",
    sessionOnly: true,
    summary: "Create a key; the response holds its secret, shown this once",
    body: createApiKeyInput,
    response: { status: 201, schema: createdApiKey },
  },
  async ({ principal, body }) => Response.json(await createApiKey({ owner: principal, input: body }), { status: 201 }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET", "POST"]);
