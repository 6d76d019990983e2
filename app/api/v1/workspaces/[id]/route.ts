import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { deletedWorkspace, renameWorkspaceInput, workspaceResponse } from "@/lib/workspaces/schemas";
import { deleteWorkspace, getWorkspaceOrThrow, renameWorkspace } from "@/lib/workspaces/service";

// GET /api/v1/workspaces/:id — one of my workspaces
export const GET = route(
  { auth: "user", params: idParams, summary: "One of my workspaces, with my role", response: { status: 200, schema: workspaceResponse } },
  async ({ principal, params }) => Response.json({ workspace: await getWorkspaceOrThrow({ userId: principal.userId, workspaceId: params.id }) }),
);

// PATCH /api/v1/workspaces/:id — rename (admins and the owner)
export const PATCH = route(
  {
    auth: "user",
    params: idParams,
    summary: "Rename (admins and the owner)",
    body: renameWorkspaceInput,
    response: { status: 200, schema: workspaceResponse },
  },
  async ({ principal, params, body }) =>
    Response.json({ workspace: await renameWorkspace({ userId: principal.userId, workspaceId: params.id, name: body.name }) }),
);

// DELETE /api/v1/workspaces/:id — the owner deletes it; its work goes to each creator's personal workspace
export const DELETE = route(
  {
    auth: "user",
    params: idParams,
    summary: "Delete (the owner; never the personal one): every project and conversation moves to its creator's personal workspace",
    response: { status: 200, schema: deletedWorkspace },
    errors: [{ status: 409, description: "The personal workspace cannot be deleted" }],
  },
  async ({ principal, params }) => Response.json(await deleteWorkspace({ userId: principal.userId, workspaceId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, OPTIONS } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
