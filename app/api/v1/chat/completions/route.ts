import { methodsNotAllowed, route } from "@/lib/http/route";
import { createChatCompletion } from "@/lib/openai-compat/completions";
import { chatCompletion, chatCompletionRequest } from "@/lib/openai-compat/schemas";

export const POST = route(
  {
    auth: "user",
    scope: "write",
    limit: "chat",
    tag: "openai-compatible",
    summary: "OpenAI-compatible chat completion (JSON or SSE); needs the write permission",
    body: chatCompletionRequest,
    errorFormat: "openai",
    errors: [
      { status: 404, description: "Unknown model (`model_not_found`, `param: \"model\"`): see GET /api/v1/models" },
      { status: 503, description: "Every provider key and fallback model failed before the first token" },
    ],
    response: [
      { status: 200, schema: chatCompletion, description: "A `chat.completion`" },
      { status: 200, stream: true, description: "With `stream: true`: server-sent `chat.completion.chunk` events ending in `data: [DONE]`" },
    ],
  },
  async ({ req, principal, body }) => createChatCompletion({ principal, input: body, signal: req.signal }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
