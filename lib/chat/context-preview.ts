// What the next turn would send: the system prompt and the newest messages that fit the
// model's window. Lets a person (and GET /api/v1/chat/:id/context) see the conversation memory.
import "server-only";
import { selectCandidates } from "@/lib/ai/model-selection";
import { aiRuntime } from "@/lib/ai/runtime";
import { AppError } from "@/lib/errors";
import { joinSystemPrompts } from "@/lib/projects/instructions";
import { attachmentsOf } from "./attachments";
import { fitContext } from "./context";
import { loadBranch } from "./turn-store";

const MAX_REPLY_TOKENS = 4096;

export async function previewContext(options: { userId: string; conversationId: string }) {
  const loaded = await loadBranch(options);
  if (!loaded) throw new AppError("not_found", "Conversation not found.");
  const { conversation } = loaded;
  const thread = loaded.branch.filter(
    (message) => message.content !== "" || attachmentsOf(message).length > 0,
  );
  const lastQuestion = [...thread].reverse().find((message) => message.role === "user")?.content ?? "";
  const runtime = aiRuntime();
  const model = runtime.models.length
    ? selectCandidates({
        available: runtime.models,
        text: lastQuestion,
        modelId: conversation.modelMode === "manual" && runtime.models.some((m) => m.id === conversation.modelId) ? conversation.modelId : null,
        images: thread.some((message) => attachmentsOf(message).length > 0),
      })[0]!
    : undefined;
  const contextWindow = model?.contextWindow ?? 8192;
  const replyBudget = Math.min(model?.maxOutputTokens ?? MAX_REPLY_TOKENS, MAX_REPLY_TOKENS);
  const system = joinSystemPrompts(conversation.projectInstructions, conversation.systemPrompt);
  const fitted = fitContext(thread, { contextWindow, replyBudget }, system ?? undefined);
  return {
    model: model?.id ?? null,
    contextWindow,
    replyBudget,
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
