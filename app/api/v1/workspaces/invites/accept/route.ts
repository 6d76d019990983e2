import { methodsNotAllowed, route } from "@/lib/http/route";
import { acceptInvite } from "@/lib/workspaces/invites";
import { acceptInviteInput, workspaceResponse } from "@/lib/workspaces/schemas";
import { getWorkspaceOrThrow } from "@/lib/workspaces/service";

// POST /api/v1/workspaces/invites/accept — join with an invite's token (signed in as the invited email)
export const POST = route(
  {
    auth: "user",
    // Joining a team is a person's decision, made in the browser: not something a key does.
    sessionOnly: true,
    summary: "Accept an invite: signed in with the invited email, before it expires; joins with the invite's role",
    body: acceptInviteInput,
    response: { status: 200, schema: workspaceResponse },
    errors: [
      { status: 403, description: "Signed in with another email address" },
      { status: 409, description: "The invite was already used" },
      { status: 410, description: "The invite has expired" },
    ],
  },
  async ({ principal, body }) => {
    const workspaceId = await acceptInvite({ userId: principal.userId, email: principal.email, token: body.token });
    return Response.json({ workspace: await getWorkspaceOrThrow({ userId: principal.userId, workspaceId }) });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
