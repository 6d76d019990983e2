import { tagParams } from "@/lib/conversations/schemas";
import { removeConversationTag } from "@/lib/conversations/service";
import { route } from "@/lib/http/route";

// DELETE /api/v1/conversations/:id/tags/:tag — remove a tag from the conversation
export const DELETE = route({ auth: "user", params: tagParams }, async ({ principal, params }) => {
  const conversation = await removeConversationTag({
    userId: principal.userId,
    conversationId: params.id,
    name: decodeURIComponent(params.tag),
  });
  return Response.json({ conversation });
});
