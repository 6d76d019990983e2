import { aiRuntime } from "@/lib/ai/runtime";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { listOpenAiModels } from "@/lib/openai-compat/models";
import { openAiModelList } from "@/lib/openai-compat/schemas";

export const GET = route(
  {
    auth: "user",
    scope: "read",
    tag: "openai-compatible",
    errorFormat: "openai",
    summary: "OpenAI-compatible model list: `auto` and every model with a configured key",
    response: { status: 200, schema: openAiModelList },
  },
  async () => Response.json(listOpenAiModels(aiRuntime().models)),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
