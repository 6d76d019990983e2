// Token-aware context: the system prompt always, then as many of the newest messages as fit
// in the model's window after reserving the reply budget. Older messages are dropped whole.
import { countMessageTokens } from "@/lib/ai/tokens";

export interface ContextMessage {
  id: string;
  role: "user" | "assistant" | "system";
  content: string;
  /** Stored count when known, so history is not re-tokenized on every turn. */
  tokenCount?: number;
}

export interface ContextBudget {
  contextWindow: number;
  replyBudget: number;
}

export interface FittedContext<M extends ContextMessage> {
  system?: string;
  messages: M[];
  droppedCount: number;
  promptTokens: number;
  budget: number;
}

function tokensOf(message: ContextMessage): number {
  return message.tokenCount && message.tokenCount > 0 ? message.tokenCount : countMessageTokens(message.content);
}

/**
 * `thread` is oldest first and ends with the message being answered, which is always kept
 * (a message too long for the window on its own is refused earlier, at validation).
 */
export function fitContext<M extends ContextMessage>(
  thread: M[],
  budget: ContextBudget,
  system?: string,
): FittedContext<M> {
  const available = Math.max(0, budget.contextWindow - budget.replyBudget);
  let used = system ? countMessageTokens(system) : 0;
  const kept: M[] = [];
  for (let index = thread.length - 1; index >= 0; index -= 1) {
    const message = thread[index]!;
    const tokens = tokensOf(message);
    const isNewest = index === thread.length - 1;
    if (!isNewest && used + tokens > available) break;
    used += tokens;
    kept.unshift(message);
  }
  return { system, messages: kept, droppedCount: thread.length - kept.length, promptTokens: used, budget: available };
}
