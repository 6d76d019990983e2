import { conversationResponse, tagParams } from "@/lib/conversations/schemas";
import { removeConversationTag } from "@/lib/conversations/service";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

export const DELETE = route(
  { auth: "user", params: tagParams, summary: "Remove a tag from the conversation", response: { status: 200, schema: conversationResponse } },
  async ({ req, principal, params }) => {
    return Response.json({ conversation: await removeConversationTag({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id, name: params.tag }) });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(["DELETE"]);
