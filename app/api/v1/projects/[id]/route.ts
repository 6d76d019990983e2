import { idParams, parseJson, parseQuery, route } from "@/lib/http/route";
import { deleteProjectQuery, updateProjectInput } from "@/lib/projects/schemas";
import { deleteProject, getProjectOrThrow, updateProject } from "@/lib/projects/service";

// GET /api/v1/projects/:id — one project with its stats
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  return Response.json({ project: await getProjectOrThrow({ userId: principal.userId, projectId: params.id }) });
});

// PATCH /api/v1/projects/:id — rename, describe, recolour, change instructions
export const PATCH = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const input = await parseJson(req, updateProjectInput);
  return Response.json({ project: await updateProject({ userId: principal.userId, projectId: params.id, input }) });
});

// DELETE /api/v1/projects/:id?conversations=move|delete — delete; its conversations move out or go too
export const DELETE = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const { conversations } = parseQuery(req, deleteProjectQuery);
  return Response.json(await deleteProject({ userId: principal.userId, projectId: params.id, conversations }));
});
