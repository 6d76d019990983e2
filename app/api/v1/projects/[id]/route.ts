import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { deletedProject, deleteProjectQuery, projectResponse, updateProjectInput } from "@/lib/projects/schemas";
import { deleteProject, getProjectOrThrow, updateProject } from "@/lib/projects/service";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  { auth: "user", params: idParams, summary: "One project with its stats", response: { status: 200, schema: projectResponse } },
  async ({ req, principal, params }) => Response.json({ project: await getProjectOrThrow({ ...(await requestWorkspace(req, principal.userId)), projectId: params.id }) }),
);

export const PATCH = route(
  {
    auth: "user",
    params: idParams,
    summary: "Rename, describe, recolour, change instructions",
    body: updateProjectInput,
    response: { status: 200, schema: projectResponse },
  },
  async ({ req, principal, params, body }) =>
    Response.json({ project: await updateProject({ ...(await requestWorkspace(req, principal.userId)), projectId: params.id, input: body }) }),
);

export const DELETE = route(
  {
    auth: "user",
    params: idParams,
    summary: "Delete; its conversations move out (`?conversations=move`) or go too (`delete`)",
    query: deleteProjectQuery,
    response: { status: 200, schema: deletedProject },
  },
  async ({ req, principal, params, query }) =>
    Response.json(await deleteProject({ ...(await requestWorkspace(req, principal.userId)), projectId: params.id, conversations: query.conversations })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, OPTIONS } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
