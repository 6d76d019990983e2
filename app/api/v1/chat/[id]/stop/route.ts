import { z } from "zod";
import { abortGeneration } from "@/lib/chat/generations";
import { requestStop } from "@/lib/chat/service";
import { idParams, parseJson, route } from "@/lib/http/route";

const stopInput = z.object({ messageId: z.string().min(1).max(64).optional() });

// POST /api/v1/chat/:id/stop — end the reply being generated (from any tab, or after a reload)
export const POST = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const { messageId } = await parseJson(req, stopInput);
  const result = await requestStop({ userId: principal.userId, conversationId: params.id, messageId });
  for (const id of result.messageIds) abortGeneration(id);
  return Response.json({ stopping: result.messageIds.length });
});
