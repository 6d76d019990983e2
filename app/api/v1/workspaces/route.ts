import { methodsNotAllowed, route } from "@/lib/http/route";
import { createWorkspaceInput, workspaceList, workspaceResponse } from "@/lib/workspaces/schemas";
import { createWorkspace, listWorkspaces } from "@/lib/workspaces/service";

// GET /api/v1/workspaces — the workspaces I am a member of, my personal one first
export const GET = route(
  { auth: "user", summary: "My workspaces, the personal one first, with my role in each", response: { status: 200, schema: workspaceList } },
  async ({ principal }) => Response.json(await listWorkspaces({ userId: principal.userId })),
);

// POST /api/v1/workspaces — a new workspace, owned by me
export const POST = route(
  { auth: "user", summary: "Create a workspace; I am its owner", body: createWorkspaceInput, response: { status: 201, schema: workspaceResponse } },
  async ({ principal, body }) => Response.json({ workspace: await createWorkspace({ userId: principal.userId, input: body }) }, { status: 201 }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET", "POST"]);
