import { parseQuery, route } from "@/lib/http/route";
import { searchQuery } from "@/lib/search/schemas";
import { searchConversations } from "@/lib/search/service";

// GET /api/v1/conversations/search — full-text search over my messages and titles, ranked
export const GET = route({ auth: "user" }, async ({ req, principal }) => {
  const query = parseQuery(req, searchQuery);
  return Response.json(await searchConversations({ userId: principal.userId, ...query }));
});
