import { methodsNotAllowed, route } from "@/lib/http/route";
import { pageOf } from "@/lib/pagination";
import { createProjectInput, listProjectsQuery, projectResponse, projectView } from "@/lib/projects/schemas";
import { createProject, listProjects } from "@/lib/projects/service";

export const GET = route(
  {
    auth: "user",
    summary: "My projects, newest first, with stats",
    query: listProjectsQuery,
    response: { status: 200, schema: pageOf(projectView) },
  },
  async ({ principal, query }) => Response.json(await listProjects({ userId: principal.userId, ...query })),
);

export const POST = route(
  { auth: "user", summary: "Create a project", body: createProjectInput, response: { status: 201, schema: projectResponse } },
  async ({ principal, body }) => Response.json({ project: await createProject({ userId: principal.userId, input: body }) }, { status: 201 }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET", "POST"]);
