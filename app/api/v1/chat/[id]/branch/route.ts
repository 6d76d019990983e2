import { z } from "zod";
import { conversationView } from "@/lib/chat/schemas";
import { switchBranch } from "@/lib/chat/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

const branchInput = z.object({ messageId: z.string().min(1).max(64).describe("The version to show") });

export const POST = route(
  {
    auth: "user",
    params: idParams,
    summary: "Show another version of a message (and the replies under it)",
    body: branchInput,
    response: { status: 200, schema: conversationView },
  },
  async ({ req, principal, params, body }) =>
    Response.json(await switchBranch({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id, messageId: body.messageId })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
