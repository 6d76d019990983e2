import { methodsNotAllowed, route } from "@/lib/http/route";
import { pageOf } from "@/lib/pagination";
import { createProjectInput, listProjectsQuery, projectResponse, projectView } from "@/lib/projects/schemas";
import { createProject, listProjects } from "@/lib/projects/service";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  {
    auth: "user",
    summary: "My projects, newest first, with stats",
    query: listProjectsQuery,
    response: { status: 200, schema: pageOf(projectView) },
  },
  async ({ req, principal, query }) => Response.json(await listProjects({ ...(await requestWorkspace(req, principal.userId)), ...query })),
);

export const POST = route(
  { auth: "user", summary: "Create a project", body: createProjectInput, response: { status: 201, schema: projectResponse } },
  async ({ req, principal, body }) => Response.json({ project: await createProject({ ...(await requestWorkspace(req, principal.userId)), input: body }) }, { status: 201 }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET", "POST"]);
