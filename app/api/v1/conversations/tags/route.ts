import { tagList } from "@/lib/conversations/schemas";
import { listTags } from "@/lib/conversations/service";
import { route } from "@/lib/http/route";

export const GET = route(
  { auth: "user", summary: "My tags with how many conversations carry each", response: { status: 200, schema: tagList } },
  async ({ principal }) => Response.json(await listTags({ userId: principal.userId })),
);
