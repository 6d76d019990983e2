// One non-streaming answer through the router (key pools, failover, usage ledger), for media
// work: image analysis, transcript analysis and voice-chat replies.
import "server-only";
import type { ModelMessage } from "ai";
import type { CatalogueModel } from "@/lib/ai/catalogue";
import { completedOrThrow } from "@/lib/ai/failover";
import { streamWithFailover } from "@/lib/ai/router";
import { aiRuntime } from "@/lib/ai/runtime";
import { AppError } from "@/lib/errors";


const MAX_OUTPUT_TOKENS = 2048;

export async function generateAnswer(options: {
  userId: string;
  candidates: CatalogueModel[];
  system?: string;
  messages: ModelMessage[];
}): Promise<{ text: string; model: string }> {
  const runtime = aiRuntime();
  const result = await streamWithFailover(runtime, {
    candidates: options.candidates,
    system: options.system,
    messages: options.messages,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    firstTokenTimeoutMs: runtime.timeouts.firstTokenMs,
    idleTimeoutMs: runtime.timeouts.idleMs,
    usage: { context: { userId: options.userId } },
  });
  return { text: result.text.trim(), model: completedOrThrow(result).final.model.id };
}

/** Available models, or the one asked for first; `vision` keeps only models that see images. */
export function mediaCandidates(options: { modelId?: string; vision?: boolean }): CatalogueModel[] {
  const available = aiRuntime().models.filter((model) => !options.vision || model.capabilities.vision);
  if (available.length === 0) {
    throw new AppError(
      "provider_unavailable",
      options.vision
        ? "No vision-capable model is configured (for example Groq's Llama 4 Scout or OpenAI's GPT-4.1)."
        : "No AI provider is configured. Add a key such as GROQ_API_KEY (see README → Configuration).",
    );
  }
  if (!options.modelId) return available;
  const chosen = available.find((model) => model.id === options.modelId);
  if (!chosen) {
    throw new AppError("unknown_model", `Unknown or unavailable${options.vision ? " vision" : ""} model "${options.modelId}".`);
  }
  return [chosen, ...available.filter((model) => model !== chosen)];
}
