import { chatSettingsInput, conversationView } from "@/lib/chat/schemas";
import { getConversationView, updateChatSettings } from "@/lib/chat/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "The conversation's active branch, each message with its versions",
    response: { status: 200, schema: conversationView },
  },
  async ({ req, principal, params }) => Response.json(await getConversationView({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id })),
);

export const PATCH = route(
  {
    auth: "user",
    params: idParams,
    summary: "System prompt, temperature and model for the next turns",
    body: chatSettingsInput,
    response: { status: 200, schema: conversationView },
  },
  async ({ req, principal, params, body }) =>
    Response.json(await updateChatSettings({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id, settings: body })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, DELETE, OPTIONS } = methodsNotAllowed(["GET", "PATCH"]);
