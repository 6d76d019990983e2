import { whisperLanguages } from "@/lib/media/audio/transcription";
import { audioLanguages } from "@/lib/media/audio/schemas";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  {
    auth: "user",
    summary: "Spoken languages for transcription (ISO 639-1); leave `language` unset to detect",
    response: { status: 200, schema: audioLanguages },
  },
  async () => Response.json({ items: whisperLanguages }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
