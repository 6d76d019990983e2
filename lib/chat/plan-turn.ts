// What a turn sends and to whom: the models in failover order, the reply budget and the newest
// messages that fit beside it. The turn and the context preview (GET /api/v1/chat/:id/context)
// both plan here, so the preview shows what the next turn really sends.
import "server-only";
import type { CatalogueModel } from "@/lib/ai/catalogue";
import { seesImages, selectCandidates } from "@/lib/ai/model-selection";
import type { Message } from "@/lib/db/generated/client";
import { attachmentsOf } from "./attachments";
import { fitContext, type ContextMessage, type FittedContext } from "./context";

/** Replies longer than this are cut by the model, not by us. */
export const MAX_REPLY_TOKENS = 4096;
/** The window a preview assumes while no model is configured (a turn is refused then). */
const DEFAULT_CONTEXT_WINDOW = 8192;

type PlannedMessage = ContextMessage & Pick<Message, "attachments">;

export interface TurnPlan<M extends PlannedMessage> {
  /** Failover order, best first; empty only when no model is configured. */
  candidates: CatalogueModel[];
  /** The first candidate: its window and output limit size the turn. */
  model: CatalogueModel | null;
  /** The model is sent images themselves, not the text read from them. */
  vision: boolean;
  contextWindow: number;
  replyBudget: number;
  context: FittedContext<M>;
}

export function planTurn<M extends PlannedMessage>(options: {
  available: CatalogueModel[];
  /** Oldest first, ending with the question (its text ranks the models in auto mode). */
  thread: M[];
  system?: string;
  /** The model the turn names (must exist); null asks for auto mode; undefined leaves it to the conversation. */
  modelId?: string | null;
  /** The conversation's model in manual mode: applies when the turn names none and it is still available. */
  storedModelId?: string | null;
}): TurnPlan<M> {
  const { available, thread } = options;
  const stored = options.storedModelId && available.some((model) => model.id === options.storedModelId) ? options.storedModelId : null;
  const candidates =
    available.length === 0
      ? []
      : selectCandidates({
          available,
          text: thread.findLast((message) => message.role === "user")?.content ?? "",
          modelId: options.modelId === undefined ? stored : options.modelId,
          images: thread.some((message) => attachmentsOf(message).length > 0),
        });
  const model = candidates[0] ?? null;
  const contextWindow = model?.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  const replyBudget = Math.min(model?.maxOutputTokens ?? MAX_REPLY_TOKENS, MAX_REPLY_TOKENS);
  return {
    candidates,
    model,
    vision: model ? seesImages(model) : false,
    contextWindow,
    replyBudget,
    context: fitContext(thread, { contextWindow, replyBudget }, options.system),
  };
}
