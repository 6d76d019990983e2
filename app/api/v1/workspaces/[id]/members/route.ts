import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { listMembers } from "@/lib/workspaces/members";
import { memberList } from "@/lib/workspaces/schemas";

// GET /api/v1/workspaces/:id/members — who is in it (any member may ask)
export const GET = route(
  { auth: "user", params: idParams, summary: "The members and their roles, the owner first", response: { status: 200, schema: memberList } },
  async ({ principal, params }) => Response.json(await listMembers({ userId: principal.userId, workspaceId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
