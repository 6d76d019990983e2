import { audioLimits, uploadAudio } from "@/lib/media/audio";
import { audioResponse } from "@/lib/media/audio-schemas";
import { readUpload } from "@/lib/media/upload";
import { multipart, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "user",
    summary: "Upload an audio file (multipart field `file`)",
    body: multipart(),
    response: { status: 201, schema: audioResponse },
  },
  async ({ req, principal }) => {
    const file = await readUpload(req, { maxBytes: audioLimits().maxBytes });
    return Response.json({ audio: await uploadAudio({ userId: principal.userId, file }) }, { status: 201 });
  },
);
