import { audioLimits, voiceChat } from "@/lib/media/audio/service";
import { voiceChatFields } from "@/lib/media/audio/schemas";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { route } from "@/lib/http/route";

// POST /api/v1/audio/voice-chat — a spoken message (multipart `file`; `language`, `model`, `system`): transcript and AI reply
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const file = await readUpload(req, { maxBytes: audioLimits().maxBytes });
  const fields = voiceChatFields.parse(file.fields);
  return Response.json(await voiceChat({ userId: principal.userId, file, ...fields }));
});
