import { restoreConversation } from "@/lib/conversations/service";
import { idParams, route } from "@/lib/http/route";

// POST /api/v1/conversations/:id/restore — undo a delete
export const POST = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  const conversation = await restoreConversation({ userId: principal.userId, conversationId: params.id });
  return Response.json({ conversation });
});
