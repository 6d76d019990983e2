import { conversationResponse, tagParams } from "@/lib/conversations/schemas";
import { removeConversationTag } from "@/lib/conversations/service";
import { route } from "@/lib/http/route";

export const DELETE = route(
  { auth: "user", params: tagParams, summary: "Remove a tag from the conversation", response: { status: 200, schema: conversationResponse } },
  async ({ principal, params }) => {
    const name = decodeURIComponent(params.tag);
    return Response.json({ conversation: await removeConversationTag({ userId: principal.userId, conversationId: params.id, name }) });
  },
);
