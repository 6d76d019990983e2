import { aiRuntime } from "@/lib/ai/runtime";
import { route } from "@/lib/http/route";

// GET /api/v1/chat/models — models that have at least one configured provider key
export const GET = route({ auth: "user" }, async () => {
  return Response.json({ models: aiRuntime().models });
});
