import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { transferInput, workspaceResponse } from "@/lib/workspaces/schemas";
import { transferOwnership } from "@/lib/workspaces/service";

// POST /api/v1/workspaces/:id/transfer — the owner hands the workspace to another member
export const POST = route(
  {
    auth: "user",
    params: idParams,
    summary: "Transfer ownership to another member (the owner only); the old owner stays as an admin",
    body: transferInput,
    response: { status: 200, schema: workspaceResponse },
  },
  async ({ principal, params, body }) =>
    Response.json({ workspace: await transferOwnership({ userId: principal.userId, workspaceId: params.id, toUserId: body.userId }) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
