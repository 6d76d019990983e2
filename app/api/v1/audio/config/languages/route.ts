import { whisperLanguages } from "@/lib/media/audio/transcription";
import { route } from "@/lib/http/route";

// GET /api/v1/audio/config/languages — spoken languages for transcription (ISO 639-1); leave `language` unset to detect
export const GET = route({ auth: "user" }, async () => Response.json({ languages: whisperLanguages, detect: true }));
