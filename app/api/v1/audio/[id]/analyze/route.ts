import { requestTranscriptAnalysis } from "@/lib/media/audio/service";
import { analyzeAudioRequest } from "@/lib/media/audio/schemas";
import { idParams, parseJson, route } from "@/lib/http/route";

// POST /api/v1/audio/:id/analyze — summary, topics, sentiment or a custom prompt about the transcript: 202 with a job
export const POST = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const input = await parseJson(req, analyzeAudioRequest);
  const { jobId } = await requestTranscriptAnalysis({ userId: principal.userId, audioId: params.id, ...input });
  return Response.json({ jobId, status: "queued" }, { status: 202 });
});
