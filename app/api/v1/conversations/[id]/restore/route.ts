import { conversationResponse } from "@/lib/conversations/schemas";
import { restoreConversation } from "@/lib/conversations/service";
import { idParams, route } from "@/lib/http/route";

export const POST = route(
  { auth: "user", params: idParams, summary: "Undo a delete", response: { status: 200, schema: conversationResponse } },
  async ({ principal, params }) =>
    Response.json({ conversation: await restoreConversation({ userId: principal.userId, conversationId: params.id }) }),
);
