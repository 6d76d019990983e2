import { readAudioFile } from "@/lib/media/audio/service";
import { fileResponse } from "@/lib/media/uploads/file-response";
import { idParams, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "The stored audio itself, owner only",
    response: { status: 200, file: true, description: "The audio file, with its real content type" },
  },
  async ({ principal, params }) => fileResponse(await readAudioFile({ userId: principal.userId, audioId: params.id })),
);
