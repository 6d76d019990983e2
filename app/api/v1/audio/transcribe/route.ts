import { requestTranscription } from "@/lib/media/audio/service";
import { transcribeRequest } from "@/lib/media/audio/schemas";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/audio/transcribe — transcribe one of my uploads: 202 with a job to poll
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const input = await parseJson(req, transcribeRequest);
  const { jobId } = await requestTranscription({ userId: principal.userId, ...input });
  return Response.json({ jobId, status: "queued" }, { status: 202 });
});
