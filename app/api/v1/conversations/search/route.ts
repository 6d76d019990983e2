import { methodsNotAllowed, route } from "@/lib/http/route";
import { pageOf } from "@/lib/pagination";
import { searchQuery, searchResult } from "@/lib/search/schemas";
import { searchConversations } from "@/lib/search/service";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  {
    auth: "user",
    summary: "Full-text search over my messages and titles, ranked",
    query: searchQuery,
    response: { status: 200, schema: pageOf(searchResult) },
  },
  async ({ req, principal, query }) => Response.json(await searchConversations({ ...(await requestWorkspace(req, principal.userId)), ...query })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
