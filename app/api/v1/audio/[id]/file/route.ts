import { readAudioFile } from "@/lib/media/audio/service";
import { fileResponse } from "@/lib/media/uploads/file-response";
import { idParams, route } from "@/lib/http/route";

// GET /api/v1/audio/:id/file — the stored audio itself, owner only
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) =>
  fileResponse(await readAudioFile({ userId: principal.userId, audioId: params.id })),
);
