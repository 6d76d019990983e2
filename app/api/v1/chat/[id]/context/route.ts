import { previewContext } from "@/lib/chat/context-preview";
import { contextPreview } from "@/lib/chat/schemas";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "The system prompt and messages the next turn would send",
    response: { status: 200, schema: contextPreview },
  },
  async ({ req, principal, params }) => Response.json(await previewContext({ ...(await requestWorkspace(req, principal.userId)), conversationId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
