import { audioLimits, voiceChat } from "@/lib/media/audio/service";
import { voiceChatFields, voiceChatResult } from "@/lib/media/audio/schemas";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { methodsNotAllowed, multipart, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "user",
    summary: "A spoken message (multipart `file`; `language`, `model`, `system`): transcript and AI reply",
    body: multipart(voiceChatFields),
    response: { status: 200, schema: voiceChatResult },
  },
  async ({ req, principal }) => {
    const file = await readUpload(req, { maxBytes: audioLimits().maxBytes });
    const fields = voiceChatFields.parse(file.fields);
    return Response.json(await voiceChat({ userId: principal.userId, file, ...fields }));
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
