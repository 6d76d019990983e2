import { resumeJobs } from "@/lib/jobs/dispatch";
import { jobResponse } from "@/lib/jobs/schemas";
import { getJobOrThrow } from "@/lib/jobs/service";
import { idParams, route } from "@/lib/http/route";

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
