import { parseJson, route } from "@/lib/http/route";
import { createChatCompletion } from "@/lib/openai-compat/completions";
import { chatCompletionRequest } from "@/lib/openai-compat/schemas";

// POST /api/v1/chat/completions — OpenAI-compatible chat completion (JSON or SSE); needs the write permission
export const POST = route({ auth: "user", scope: "write" }, async ({ req, principal }) => {
  const input = await parseJson(req, chatCompletionRequest);
  return createChatCompletion({ principal, input, signal: req.signal });
});
