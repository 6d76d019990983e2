import { transcriptionHealth } from "@/lib/media/audio/transcription-health";
import { z } from "zod";
import { keyHealthSchema } from "@/lib/ai/key-pool";
import { methodsNotAllowed, route } from "@/lib/http/route";

const transcriptionHealthView = z.object({
  available: z.boolean().describe("At least one provider has a key"),
  providers: z.array(
    z.object({ provider: z.string(), model: z.string(), configured: z.boolean(), healthyKeys: z.int(), keys: z.array(keyHealthSchema) }),
  ),
});

export const GET = route(
  {
    auth: "user",
    summary: "Which speech-to-text providers are configured, in failover order, and their keys' health",
    response: { status: 200, schema: transcriptionHealthView },
  },
  async () => Response.json(transcriptionHealth()),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
