import { aiRuntime } from "@/lib/ai/runtime";
import { route } from "@/lib/http/route";
import { listOpenAiModels } from "@/lib/openai-compat/models";

// GET /api/v1/models — OpenAI-compatible model list: `auto` and every model with a configured key
export const GET = route({ auth: "user", scope: "read" }, async () => {
  return Response.json(listOpenAiModels(aiRuntime().models));
});
