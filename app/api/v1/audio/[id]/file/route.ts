import { readAudioFile } from "@/lib/media/audio/service";
import { fileResponse } from "@/lib/media/uploads/file-response";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "The stored audio itself, owner only",
    response: { status: 200, file: true, description: "The audio file, with its real content type" },
  },
  async ({ principal, params }) => fileResponse(await readAudioFile({ userId: principal.userId, audioId: params.id })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
