import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { createInvite, listInvites } from "@/lib/workspaces/invites";
import { createInviteInput, inviteList, inviteResponse } from "@/lib/workspaces/schemas";

// GET /api/v1/workspaces/:id/invites — invites and their status (admins and the owner)
export const GET = route(
  { auth: "user", params: idParams, summary: "Invites, newest first, with their status (admins and the owner)", response: { status: 200, schema: inviteList } },
  async ({ principal, params }) => Response.json(await listInvites({ userId: principal.userId, workspaceId: params.id })),
);

// POST /api/v1/workspaces/:id/invites — mail an invite link (admins and the owner)
export const POST = route(
  {
    auth: "user",
    params: idParams,
    summary: "Invite by email: a link valid for 7 days goes by mail (the answer never carries it); inviting again replaces the earlier link",
    body: createInviteInput,
    response: { status: 201, schema: inviteResponse },
    errors: [{ status: 409, description: "Already a member, or a personal workspace" }],
  },
  async ({ req, principal, params, body }) =>
    Response.json(
      { invite: await createInvite({ userId: principal.userId, workspaceId: params.id, input: body, origin: new URL(req.url).origin }) },
      { status: 201 },
    ),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET", "POST"]);
