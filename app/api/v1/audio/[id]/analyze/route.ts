import { requestTranscriptAnalysis } from "@/lib/media/audio";
import { analyzeAudioRequest } from "@/lib/media/audio-schemas";
import { jobStartedView } from "@/lib/media/schemas";
import { idParams, route } from "@/lib/http/route";

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
