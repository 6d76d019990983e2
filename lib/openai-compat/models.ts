import "server-only";
import type { CatalogueModel } from "@/lib/ai/catalogue";
import { selectCandidates } from "@/lib/ai/model-selection";
import type { OpenAiModelList } from "./schemas";

/** `auto`, then every model with a configured key, by catalogue id. */
export function listOpenAiModels(available: CatalogueModel[]): OpenAiModelList {
  return {
    object: "list",
    data: [
      { id: "auto", object: "model", created: 0, owned_by: "baatcheet" },
      ...available.map((model) => ({ id: model.id, object: "model" as const, created: 0, owned_by: model.provider })),
    ],
  };
}

/**
 * The failover order for a request's `model`: `auto` ranks by the text; a catalogue id or a
 * provider's own model id (the first provider serving it) goes first, similar models after it.
 */
export function candidatesFor(options: { available: CatalogueModel[]; model: string; text: string }): CatalogueModel[] {
  const { available, model, text } = options;
  if (model === "auto") return selectCandidates({ available, text });
  const byProviderId = available.find((entry) => entry.providerModelId === model);
  return selectCandidates({ available, text, modelId: byProviderId && !available.some((entry) => entry.id === model) ? byProviderId.id : model });
}
