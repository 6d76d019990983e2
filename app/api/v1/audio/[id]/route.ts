import { deleteAudio, getAudioOrThrow } from "@/lib/media/audio/service";
import { audioResponse } from "@/lib/media/audio/schemas";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    params: idParams,
    summary: "One of my audio files, with its transcript and analyses",
    response: { status: 200, schema: audioResponse },
  },
  async ({ principal, params }) => Response.json({ audio: await getAudioOrThrow({ userId: principal.userId, audioId: params.id }) }),
);

export const DELETE = route(
  {
    auth: "user",
    params: idParams,
    summary: "Delete the audio, its file, transcript and analyses",
    response: { status: 204, empty: true, description: "Deleted" },
  },
  async ({ principal, params }) => {
    await deleteAudio({ userId: principal.userId, audioId: params.id });
    return new Response(null, { status: 204 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(["GET", "DELETE"]);
