import { methodsNotAllowed, route } from "@/lib/http/route";
import { pageOf } from "@/lib/pagination";
import { searchQuery, searchResult } from "@/lib/search/schemas";
import { searchConversations } from "@/lib/search/service";

export const GET = route(
  {
    auth: "user",
    summary: "Full-text search over my messages and titles, ranked",
    query: searchQuery,
    response: { status: 200, schema: pageOf(searchResult) },
  },
  async ({ principal, query }) => Response.json(await searchConversations({ userId: principal.userId, ...query })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
