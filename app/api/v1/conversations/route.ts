import { listConversationsQuery } from "@/lib/conversations/schemas";
import { listConversations } from "@/lib/conversations/service";
import { parseQuery, route } from "@/lib/http/route";

// GET /api/v1/conversations — my conversations, newest activity first, cursor-paginated
export const GET = route({ auth: "user" }, async ({ req, principal }) => {
  const query = parseQuery(req, listConversationsQuery);
  return Response.json(await listConversations({ userId: principal.userId, ...query }));
});
