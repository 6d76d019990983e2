import { conversationResponse, deletedConversation, updateConversationInput } from "@/lib/conversations/schemas";
import { deleteConversation, getConversationSummaryOrThrow, updateConversation } from "@/lib/conversations/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "One conversation's title, project, tags, pin and archive state",
    response: { status: 200, schema: conversationResponse },
  },
  async ({ principal, params }) =>
    Response.json({ conversation: await getConversationSummaryOrThrow({ userId: principal.userId, conversationId: params.id }) }),
);

export const PATCH = route(
  {
    auth: "user",
    params: idParams,
    summary: "Rename, pin, archive, move to a project, replace tags",
    body: updateConversationInput,
    response: { status: 200, schema: conversationResponse },
  },
  async ({ principal, params, body }) =>
    Response.json({ conversation: await updateConversation({ userId: principal.userId, conversationId: params.id, input: body }) }),
);

export const DELETE = route(
  {
    auth: "user",
    params: idParams,
    summary: "Soft delete; POST …/restore undoes it",
    response: { status: 200, schema: deletedConversation },
  },
  async ({ principal, params }) => Response.json(await deleteConversation({ userId: principal.userId, conversationId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, OPTIONS } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
