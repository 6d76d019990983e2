// What the next turn would send: the system prompt and the newest messages that fit the
// model's window. Lets a person (and GET /api/v1/chat/:id/context) see the conversation memory.
import "server-only";
import { aiRuntime } from "@/lib/ai/runtime";
import { AppError } from "@/lib/errors";
import { joinSystemPrompts } from "@/lib/projects/instructions";
import { attachmentsOf } from "./attachments";
import { planTurn } from "./plan-turn";
import { loadBranch } from "./turn-store";

export async function previewContext(options: { userId: string; workspaceId: string; conversationId: string }) {
  const loaded = await loadBranch(options);
  if (!loaded) throw new AppError("not_found", "Conversation not found.");
  const { conversation } = loaded;
  // A reply still streaming (or one that failed before any text) is not memory yet.
  const thread = loaded.branch.filter((message) => message.content !== "" || attachmentsOf(message).length > 0);
  const plan = planTurn({
    available: aiRuntime().models,
    thread,
    system: joinSystemPrompts(conversation.projectInstructions, conversation.systemPrompt) ?? undefined,
    storedModelId: conversation.modelMode === "manual" ? conversation.modelId : null,
  });
  const fitted = plan.context;
  return {
    model: plan.model?.id ?? null,
    contextWindow: plan.contextWindow,
    replyBudget: plan.replyBudget,
    system: fitted.system ?? null,
    promptTokens: fitted.promptTokens,
    droppedCount: fitted.droppedCount,
    messages: fitted.messages.map((message) => ({
      id: message.id,
      role: message.role,
      content: message.content,
      attachments: attachmentsOf(message),
      tokenCount: message.tokenCount,
    })),
  };
}
