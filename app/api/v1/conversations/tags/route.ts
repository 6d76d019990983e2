import { tagList } from "@/lib/conversations/schemas";
import { listTags } from "@/lib/conversations/service";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  { auth: "user", summary: "My tags with how many conversations carry each", response: { status: 200, schema: tagList } },
  async ({ req, principal }) => Response.json(await listTags(await requestWorkspace(req, principal.userId))),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
