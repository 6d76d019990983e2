import { transcriptionHealth } from "@/lib/media/audio/transcription-health";
import { z } from "zod";
import { keyHealthSchema } from "@/lib/ai/key-pool";
import { hasRole } from "@/lib/auth/principal";
import { methodsNotAllowed, route } from "@/lib/http/route";

const transcriptionHealthView = z.object({
  available: z.boolean().describe("At least one provider has a key"),
  providers: z.array(
    z.object({ provider: z.string(), model: z.string(), configured: z.boolean(), healthyKeys: z.int(), keys: z.array(keyHealthSchema).optional().describe("Admins only") }),
  ),
});

export const GET = route(
  {
    auth: "user",
    summary: "Which speech-to-text providers are configured, in failover order, and how many keys are healthy (admins also see each key)",
    response: { status: 200, schema: transcriptionHealthView },
  },
  async ({ principal }) => Response.json(transcriptionHealth({ includeKeys: hasRole(principal, "admin") })),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
