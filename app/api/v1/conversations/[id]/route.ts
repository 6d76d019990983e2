import { conversationResponse, deletedConversation, updateConversationInput } from "@/lib/conversations/schemas";
import { deleteConversation, getConversationSummaryOrThrow, updateConversation } from "@/lib/conversations/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "One conversation's title, project, tags, pin and archive state",
    response: { status: 200, schema: conversationResponse },
  },
  async ({ req, principal, params }) =>
    Response.json({ conversation: await getConversationSummaryOrThrow({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id }) }),
);

export const PATCH = route(
  {
    auth: "user",
    params: idParams,
    summary: "Rename, pin, archive, move to a project, replace tags",
    body: updateConversationInput,
    response: { status: 200, schema: conversationResponse },
  },
  async ({ req, principal, params, body }) =>
    Response.json({ conversation: await updateConversation({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id, input: body }) }),
);

export const DELETE = route(
  {
    auth: "user",
    params: idParams,
    summary: "Soft delete; POST …/restore undoes it",
    response: { status: 200, schema: deletedConversation },
  },
  async ({ req, principal, params }) => Response.json(await deleteConversation({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, OPTIONS } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
