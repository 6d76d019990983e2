import { getConversationView } from "@/lib/chat/service";
import { idParams, route } from "@/lib/http/route";

// GET /api/v1/chat/:id — the conversation's active branch, each message with its versions
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  return Response.json(await getConversationView({ userId: principal.userId, conversationId: params.id }));
});
