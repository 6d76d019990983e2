import { audioLimits, uploadAudio } from "@/lib/media/audio/service";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { methodsNotAllowed, multipart, route } from "@/lib/http/route";
import { audioResponse } from "@/lib/media/audio/schemas";

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

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
