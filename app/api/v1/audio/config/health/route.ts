import { transcriptionHealth } from "@/lib/media/audio/transcription-health";
import { route } from "@/lib/http/route";

// GET /api/v1/audio/config/health — which speech-to-text providers are configured, in failover order, and their keys' health
export const GET = route({ auth: "user" }, async () => Response.json(transcriptionHealth()));
