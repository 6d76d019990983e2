import { z } from "zod";
import { abortGeneration } from "@/lib/chat/generations";
import { requestStop } from "@/lib/chat/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

const stopInput = z.object({ messageId: z.string().min(1).max(64).optional().describe("Only this reply; unset → every running one") });

export const POST = route(
  {
    auth: "user",
    params: idParams,
    summary: "End the reply being generated (from any tab, or after a reload)",
    body: stopInput,
    response: { status: 200, schema: z.object({ stopping: z.int().describe("Replies asked to stop") }) },
  },
  async ({ req, principal, params, body }) => {
    const result = await requestStop({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id, messageId: body.messageId });
    for (const id of result.messageIds) abortGeneration(id);
    return Response.json({ stopping: result.messageIds.length });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
