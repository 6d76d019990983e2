import { chatRequestInput } from "@/lib/chat/schemas";
import { streamChatReply } from "@/lib/chat/reply";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/chat — send, edit or regenerate; streams the reply (AI SDK UI message stream over SSE)
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const input = await parseJson(req, chatRequestInput);
  return streamChatReply({ principal, input, signal: req.signal });
});
