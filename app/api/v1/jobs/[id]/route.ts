import { resumeJobs } from "@/lib/jobs/dispatch";
import { getJobOrThrow } from "@/lib/jobs/service";
import { idParams, route } from "@/lib/http/route";

// GET /api/v1/jobs/:id — status (queued, running, done, failed), progress % and result of one of my jobs
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  resumeJobs();
  return Response.json(await getJobOrThrow({ userId: principal.userId, jobId: params.id }));
});
