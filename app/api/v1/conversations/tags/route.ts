import { tagList } from "@/lib/conversations/schemas";
import { listTags } from "@/lib/conversations/service";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  { auth: "user", summary: "My tags with how many conversations carry each", response: { status: 200, schema: tagList } },
  async ({ principal }) => Response.json(await listTags({ userId: principal.userId })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
