import { addTagInput } from "@/lib/conversations/schemas";
import { addConversationTag } from "@/lib/conversations/service";
import { idParams, parseJson, route } from "@/lib/http/route";

// POST /api/v1/conversations/:id/tags — add a tag (created if new)
export const POST = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const { name } = await parseJson(req, addTagInput);
  const conversation = await addConversationTag({ userId: principal.userId, conversationId: params.id, name });
  return Response.json({ conversation });
});
