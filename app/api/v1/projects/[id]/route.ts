import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { deletedProject, deleteProjectQuery, projectResponse, updateProjectInput } from "@/lib/projects/schemas";
import { deleteProject, getProjectOrThrow, updateProject } from "@/lib/projects/service";

export const GET = route(
  { auth: "user", params: idParams, summary: "One project with its stats", response: { status: 200, schema: projectResponse } },
  async ({ principal, params }) => Response.json({ project: await getProjectOrThrow({ userId: principal.userId, projectId: params.id }) }),
);

export const PATCH = route(
  {
    auth: "user",
    params: idParams,
    summary: "Rename, describe, recolour, change instructions",
    body: updateProjectInput,
    response: { status: 200, schema: projectResponse },
  },
  async ({ principal, params, body }) =>
    Response.json({ project: await updateProject({ userId: principal.userId, projectId: params.id, input: body }) }),
);

export const DELETE = route(
  {
    auth: "user",
    params: idParams,
    summary: "Delete; its conversations move out (`?conversations=move`) or go too (`delete`)",
    query: deleteProjectQuery,
    response: { status: 200, schema: deletedProject },
  },
  async ({ principal, params, query }) =>
    Response.json(await deleteProject({ userId: principal.userId, projectId: params.id, conversations: query.conversations })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, OPTIONS } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
