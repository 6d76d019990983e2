import { methodsNotAllowed, route } from "@/lib/http/route";
import { removeMember, updateMemberRole } from "@/lib/workspaces/members";
import { memberParams, memberResponse, removedMember, updateMemberInput } from "@/lib/workspaces/schemas";

// PATCH /api/v1/workspaces/:id/members/:userId — member <-> admin (admins and the owner)
export const PATCH = route(
  {
    auth: "user",
    params: memberParams,
    summary: "Make a member an admin or an admin a member (admins and the owner; the owner's role changes only by transfer)",
    body: updateMemberInput,
    response: { status: 200, schema: memberResponse },
  },
  async ({ principal, params, body }) =>
    Response.json({ member: await updateMemberRole({ userId: principal.userId, workspaceId: params.id, memberId: params.userId, role: body.role }) }),
);

// DELETE /api/v1/workspaces/:id/members/:userId — remove someone (admins and the owner), or leave (myself)
export const DELETE = route(
  {
    auth: "user",
    params: memberParams,
    summary: "Remove a member (admins and the owner) or leave (your own id): their conversations in shared projects stay, their private work goes to their personal workspace",
    response: { status: 200, schema: removedMember },
    errors: [{ status: 409, description: "The owner leaving: transfer ownership first" }],
  },
  async ({ principal, params }) => Response.json(await removeMember({ userId: principal.userId, workspaceId: params.id, memberId: params.userId })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, POST, PUT, OPTIONS } = methodsNotAllowed(["PATCH", "DELETE"]);
