import { parseJson, parseQuery, route } from "@/lib/http/route";
import { createProjectInput, listProjectsQuery } from "@/lib/projects/schemas";
import { createProject, listProjects } from "@/lib/projects/service";

// GET /api/v1/projects — my projects, newest first, with stats
export const GET = route({ auth: "user" }, async ({ req, principal }) => {
  const query = parseQuery(req, listProjectsQuery);
  return Response.json(await listProjects({ userId: principal.userId, ...query }));
});

// POST /api/v1/projects — create a project
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const input = await parseJson(req, createProjectInput);
  return Response.json({ project: await createProject({ userId: principal.userId, input }) }, { status: 201 });
});
