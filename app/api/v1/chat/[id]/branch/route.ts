import { z } from "zod";
import { switchBranch } from "@/lib/chat/service";
import { idParams, parseJson, route } from "@/lib/http/route";

const branchInput = z.object({ messageId: z.string().min(1).max(64).describe("The version to show") });

// POST /api/v1/chat/:id/branch — show another version of a message (and the replies under it)
export const POST = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const { messageId } = await parseJson(req, branchInput);
  return Response.json(await switchBranch({ userId: principal.userId, conversationId: params.id, messageId }));
});
