import { conversationResponse } from "@/lib/conversations/schemas";
import { restoreConversation } from "@/lib/conversations/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

export const POST = route(
  { auth: "user", params: idParams, summary: "Undo a delete", response: { status: 200, schema: conversationResponse } },
  async ({ req, principal, params }) =>
    Response.json({ conversation: await restoreConversation({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id }) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
