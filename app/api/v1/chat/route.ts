import { chatRequestInput } from "@/lib/chat/schemas";
import { streamChatReply } from "@/lib/chat/reply";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

export const POST = route(
  {
    auth: "user",
    limit: "chat",
    summary: "Send, edit or regenerate; streams the reply (AI SDK UI message stream over SSE)",
    body: chatRequestInput,
    response: { status: 200, stream: true, description: "An AI SDK UI message stream (SSE); the conversation id is in X-Conversation-Id" },
  },
  async ({ req, principal, body }) => streamChatReply({ principal, workspaceId: (await requestWorkspace(req, principal.userId)).workspaceId, input: body, signal: req.signal }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
