// GET /api/v1/audio/config/health: speech-to-text providers in failover order and how many of
// their keys are healthy. The keys themselves (masked, with counts, limits and the last
// provider error) are operational detail: admins only, as on the provider health page.
import "server-only";
import { aiRuntime } from "@/lib/ai/runtime";
import { configuredTranscriptionModels, transcriptionModels } from "./transcription";

export function transcriptionHealth({ includeKeys }: { includeKeys: boolean }) {
  const runtime = aiRuntime();
  const configured = configuredTranscriptionModels(runtime);
  return {
    available: configured.length > 0,
    providers: transcriptionModels.map((entry) => {
      const pool = runtime.pools.get(entry.provider);
      const keys = pool?.snapshot() ?? [];
      return {
        provider: entry.provider,
        model: entry.modelId,
        configured: Boolean(pool),
        healthyKeys: keys.filter((key) => key.state.kind === "healthy").length,
        ...(includeKeys ? { keys } : {}),
      };
    }),
  };
}
