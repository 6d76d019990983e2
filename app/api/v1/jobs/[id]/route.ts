import { resumeJobs } from "@/lib/jobs/dispatch";
import { jobResponse } from "@/lib/jobs/schemas";
import { getJobOrThrow } from "@/lib/jobs/service";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "Status (queued, running, done, failed), progress % and result of one of my jobs",
    response: { status: 200, schema: jobResponse },
  },
  async ({ principal, params }) => {
    resumeJobs();
    return Response.json({ job: await getJobOrThrow({ userId: principal.userId, jobId: params.id }) });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
