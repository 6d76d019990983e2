import { methodsNotAllowed, route } from "@/lib/http/route";
import { revokeInvite } from "@/lib/workspaces/invites";
import { inviteParams, inviteResponse } from "@/lib/workspaces/schemas";

// DELETE /api/v1/workspaces/:id/invites/:inviteId — revoke a pending invite (admins and the owner)
export const DELETE = route(
  {
    auth: "user",
    params: inviteParams,
    summary: "Revoke an invite: its link stops working at once (admins and the owner)",
    response: { status: 200, schema: inviteResponse },
  },
  async ({ principal, params }) =>
    Response.json({ invite: await revokeInvite({ userId: principal.userId, workspaceId: params.id, inviteId: params.inviteId }) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(["DELETE"]);
