import { previewContext } from "@/lib/chat/context-preview";
import { idParams, route } from "@/lib/http/route";

// GET /api/v1/chat/:id/context — the system prompt and messages the next turn would send
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  return Response.json(await previewContext({ userId: principal.userId, conversationId: params.id }));
});
