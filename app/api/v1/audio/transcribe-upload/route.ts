import { audioLimits, requestTranscription, runTranscription, uploadAudio } from "@/lib/media/audio/service";
import { transcribeUploadFields, transcribeUploadQuery } from "@/lib/media/audio/schemas";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { parseQuery, route } from "@/lib/http/route";

// POST /api/v1/audio/transcribe-upload — upload (multipart `file`, `language`?) and transcribe: 202 with a job, or 200 transcribed with `?wait=true`
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const { wait } = parseQuery(req, transcribeUploadQuery);
  const file = await readUpload(req, { maxBytes: audioLimits().maxBytes });
  const { language } = transcribeUploadFields.parse(file.fields);
  const audio = await uploadAudio({ userId: principal.userId, file });
  if (wait) return Response.json({ audio: await runTranscription({ userId: principal.userId, audioId: audio.id, language }) });
  const { jobId } = await requestTranscription({ userId: principal.userId, audioId: audio.id, language });
  return Response.json({ audio, jobId, status: "queued" }, { status: 202 });
});
