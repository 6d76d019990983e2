import { audioLimits, uploadAudio } from "@/lib/media/audio/service";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { route } from "@/lib/http/route";

// POST /api/v1/audio/upload — upload an audio file (multipart field `file`)
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const file = await readUpload(req, { maxBytes: audioLimits().maxBytes });
  return Response.json(await uploadAudio({ userId: principal.userId, file }), { status: 201 });
});
