import { createConversationInput, listConversationsQuery } from "@/lib/conversations/schemas";
import { createConversation, listConversations } from "@/lib/conversations/service";
import { parseJson, parseQuery, route } from "@/lib/http/route";

// GET /api/v1/conversations — my conversations, newest activity first, filtered, cursor-paginated
export const GET = route({ auth: "user" }, async ({ req, principal }) => {
  const query = parseQuery(req, listConversationsQuery);
  return Response.json(await listConversations({ userId: principal.userId, ...query }));
});

// POST /api/v1/conversations — an empty conversation, optionally in a project
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const input = await parseJson(req, createConversationInput);
  return Response.json({ conversation: await createConversation({ userId: principal.userId, input }) }, { status: 201 });
});
