import { audioLimits, requestTranscription, runTranscription, uploadAudio } from "@/lib/media/audio/service";
import { transcribeUploadFields, transcribeUploadQuery, audioResponse, transcribeUploadQueued } from "@/lib/media/audio/schemas";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { methodsNotAllowed, multipart, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "user",
    summary: "Upload (multipart `file`, `language`?) and transcribe: 202 with a job, or 200 transcribed with `?wait=true`",
    query: transcribeUploadQuery,
    body: multipart(transcribeUploadFields),
    response: [
      { status: 202, schema: transcribeUploadQueued },
      { status: 200, schema: audioResponse, description: "With `?wait=true`: transcribed within the request" },
    ],
  },
  async ({ req, principal, query }) => {
    const file = await readUpload(req, { maxBytes: audioLimits().maxBytes });
    const { language } = transcribeUploadFields.parse(file.fields);
    const audio = await uploadAudio({ userId: principal.userId, file });
    if (query.wait) return Response.json({ audio: await runTranscription({ userId: principal.userId, audioId: audio.id, language }) });
    const { jobId } = await requestTranscription({ userId: principal.userId, audioId: audio.id, language });
    return Response.json({ audio, jobId, status: "queued" }, { status: 202 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
