// Which models may answer a message, best first. Auto mode reads the message (code → a coding
// model, long analysis → a quality model, short → a fast one); manual mode starts with the
// chosen model. Either way the rest of the list is the failover order.
import { AppError } from "@/lib/errors";
import type { CatalogueModel } from "./catalogue";

type Tier = CatalogueModel["tier"];
type Category = CatalogueModel["categories"][number];

const CODE_PATTERN =
  /```|\b(function|class|def|const|let|import|export|return|async|await|regex|sql|typescript|javascript|python|rust|java|golang|stack trace|exception|compile|bug|refactor)\b|[{};]\s*$/im;
const ANALYSIS_PATTERN = /\b(analy[sz]e|analysis|compare|contrast|explain in detail|step by step|evaluate|research|pros and cons|essay)\b/i;

export interface MessageIntent {
  category: Category;
  tier: Tier;
}

export function classifyMessage(text: string): MessageIntent {
  const isCode = CODE_PATTERN.test(text);
  const isAnalysis = ANALYSIS_PATTERN.test(text) || text.length > 1500;
  const tier: Tier = isAnalysis ? "quality" : text.length < 200 && !isCode ? "fast" : "balanced";
  return { category: isCode ? "coding" : isAnalysis ? "research" : "general", tier };
}

const tierDistance = (a: Tier, b: Tier) => {
  const order: Tier[] = ["fast", "balanced", "quality"];
  return Math.abs(order.indexOf(a) - order.indexOf(b));
};

/** Higher is a better fit; ties keep catalogue order. */
function fit(model: CatalogueModel, intent: MessageIntent): number {
  return (model.categories.includes(intent.category) ? 2 : 0) + (2 - tierDistance(model.tier, intent.tier));
}

export function rankModels(available: CatalogueModel[], intent: MessageIntent): CatalogueModel[] {
  return available
    .map((model, index) => ({ model, index, score: fit(model, intent) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ model }) => model);
}

/**
 * The candidates for one reply. With `modelId`, that model first and then equivalent ones
 * (same tier first, closest categories); without, the best fits for the message.
 */
export function selectCandidates(options: {
  available: CatalogueModel[];
  text: string;
  modelId?: string | null;
  /** The conversation has images: prefer models that see them (see `seesImages`). */
  images?: boolean;
}): CatalogueModel[] {
  const candidates = selectByText(options);
  if (!options.images) return candidates;
  // A vision model first means only vision models: failing over to one that cannot see the
  // image would answer about an image it never got. Without one, every model reads OCR text.
  const [first] = candidates;
  if (options.modelId) return first!.capabilities.vision ? candidates.filter(seesImages) : candidates;
  const vision = candidates.filter(seesImages);
  return vision.length > 0 ? vision : candidates;
}

/** Whether a model is sent images themselves rather than the text read from them. */
export function seesImages(model: CatalogueModel): boolean {
  return model.capabilities.vision;
}

function selectByText(options: { available: CatalogueModel[]; text: string; modelId?: string | null }): CatalogueModel[] {
  const { available, text, modelId } = options;
  if (available.length === 0) {
    throw new AppError(
      "provider_unavailable",
      "No AI provider is configured. Add a key such as GROQ_API_KEY or OPENAI_COMPATIBLE_BASE_URL (see README → Configuration).",
    );
  }
  if (!modelId) return rankModels(available, classifyMessage(text));
  const chosen = available.find((model) => model.id === modelId);
  if (!chosen) throw new AppError("unknown_model", `Unknown or unavailable model "${modelId}". See GET /api/v1/chat/models.`);
  const rest = available.filter((model) => model.id !== chosen.id);
  return [chosen, ...rankModels(rest, { category: chosen.categories[0]!, tier: chosen.tier })];
}
