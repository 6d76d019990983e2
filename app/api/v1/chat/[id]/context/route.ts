import { previewContext } from "@/lib/chat/context-preview";
import { contextPreview } from "@/lib/chat/schemas";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "The system prompt and messages the next turn would send",
    response: { status: 200, schema: contextPreview },
  },
  async ({ principal, params }) => Response.json(await previewContext({ userId: principal.userId, conversationId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
