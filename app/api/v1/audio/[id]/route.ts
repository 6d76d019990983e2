import { deleteAudio, getAudioOrThrow } from "@/lib/media/audio/service";
import { idParams, route } from "@/lib/http/route";

// GET /api/v1/audio/:id — one of my audio files, with its transcript and analyses
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) =>
  Response.json(await getAudioOrThrow({ userId: principal.userId, audioId: params.id })),
);

// DELETE /api/v1/audio/:id — delete the audio, its file, transcript and analyses
export const DELETE = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  await deleteAudio({ userId: principal.userId, audioId: params.id });
  return new Response(null, { status: 204 });
});
