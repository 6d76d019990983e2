import { updateConversationInput } from "@/lib/conversations/schemas";
import { deleteConversation, getConversationSummaryOrThrow, updateConversation } from "@/lib/conversations/service";
import { idParams, parseJson, route } from "@/lib/http/route";

// GET /api/v1/conversations/:id — one conversation's title, project, tags, pin and archive state
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  const conversation = await getConversationSummaryOrThrow({ userId: principal.userId, conversationId: params.id });
  return Response.json({ conversation });
});

// PATCH /api/v1/conversations/:id — rename, pin, archive, move to a project, replace tags
export const PATCH = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const input = await parseJson(req, updateConversationInput);
  const conversation = await updateConversation({ userId: principal.userId, conversationId: params.id, input });
  return Response.json({ conversation });
});

// DELETE /api/v1/conversations/:id — soft delete; POST …/restore undoes it
export const DELETE = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  return Response.json(await deleteConversation({ userId: principal.userId, conversationId: params.id }));
});
