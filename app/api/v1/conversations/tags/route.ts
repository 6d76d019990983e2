import { listTags } from "@/lib/conversations/service";
import { route } from "@/lib/http/route";

// GET /api/v1/conversations/tags — my tags with how many conversations carry each
export const GET = route({ auth: "user" }, async ({ principal }) => {
  return Response.json(await listTags({ userId: principal.userId }));
});
