import { chatSettingsInput } from "@/lib/chat/schemas";
import { getConversationView, updateChatSettings } from "@/lib/chat/service";
import { idParams, parseJson, route } from "@/lib/http/route";

// GET /api/v1/chat/:id — the conversation's active branch, each message with its versions
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  return Response.json(await getConversationView({ userId: principal.userId, conversationId: params.id }));
});

// PATCH /api/v1/chat/:id — system prompt, temperature and model for the next turns
export const PATCH = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const settings = await parseJson(req, chatSettingsInput);
  return Response.json(await updateChatSettings({ userId: principal.userId, conversationId: params.id, settings }));
});
