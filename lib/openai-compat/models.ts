import "server-only";
import type { CatalogueModel } from "@/lib/ai/catalogue";
import { selectCandidates } from "@/lib/ai/model-selection";
import { AppError } from "@/lib/errors";
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
  // Checked here rather than left to selectCandidates so the error names this API's field and
  // model list (with no model configured at all, selectCandidates answers provider_unavailable).
  const known = available.some((entry) => entry.id === model || entry.providerModelId === model);
  if (available.length > 0 && !known) {
    throw new AppError("unknown_model", `The model "${model}" does not exist or is not available here. See GET /api/v1/models.`, { param: "model" });
  }
  const byProviderId = available.find((entry) => entry.providerModelId === model);
  return selectCandidates({ available, text, modelId: byProviderId && !available.some((entry) => entry.id === model) ? byProviderId.id : model });
}
