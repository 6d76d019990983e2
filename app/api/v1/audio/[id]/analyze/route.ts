import { requestTranscriptAnalysis } from "@/lib/media/audio/service";
import { analyzeAudioRequest } from "@/lib/media/audio/schemas";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { jobStartedView } from "@/lib/jobs/schemas";

export const POST = route(
  {
    auth: "user",
    params: idParams,
    summary: "Summary, topics, sentiment or a custom prompt about the transcript: 202 with a job",
    body: analyzeAudioRequest,
    response: { status: 202, schema: jobStartedView },
  },
  async ({ principal, params, body }) => {
    const { jobId } = await requestTranscriptAnalysis({ userId: principal.userId, audioId: params.id, ...body });
    return Response.json({ jobId, status: "queued" }, { status: 202 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
