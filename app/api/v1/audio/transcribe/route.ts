import { requestTranscription } from "@/lib/media/audio/service";
import { transcribeRequest } from "@/lib/media/audio/schemas";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { jobStartedView } from "@/lib/jobs/schemas";

export const POST = route(
  {
    auth: "user",
    summary: "Transcribe one of my uploads: 202 with a job to poll",
    body: transcribeRequest,
    response: { status: 202, schema: jobStartedView },
  },
  async ({ principal, body }) => {
    const { jobId } = await requestTranscription({ userId: principal.userId, ...body });
    return Response.json({ jobId, status: "queued" }, { status: 202 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
