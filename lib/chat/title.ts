// A short title for a new conversation, from its first exchange. Uses the fastest models; if
// every provider fails the first words of the question stand in.
import "server-only";
import { rankModels } from "@/lib/ai/model-selection";
import { streamWithFailover } from "@/lib/ai/router";
import type { AiRuntime } from "@/lib/ai/runtime";
import type { LedgerContext } from "@/lib/usage/ledger-store";

const MAX_TITLE_CHARS = 60;

export function fallbackTitle(question: string): string {
  const words = question.replace(/\s+/g, " ").trim().split(" ").slice(0, 6).join(" ");
  return words.length > MAX_TITLE_CHARS ? `${words.slice(0, MAX_TITLE_CHARS - 1)}…` : words || "New chat";
}

export function cleanTitle(raw: string): string {
  const title = raw
    .split("\n")[0]!
    .replace(/^["'`*#\s]+|["'`*.\s]+$/g, "")
    .replace(/^title:\s*/i, "")
    .trim();
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}

export async function generateTitle(options: {
  runtime: AiRuntime;
  question: string;
  answer: string;
  ledger: LedgerContext;
}): Promise<string> {
  const { runtime, question, answer, ledger } = options;
  const result = await streamWithFailover(runtime, {
    candidates: rankModels(runtime.models, { category: "general", tier: "fast" }).slice(0, 3),
    system: "You name chat conversations. Reply with a title of 3 to 6 words and nothing else.",
    messages: [
      {
        role: "user",
        content: `Question: ${question.slice(0, 1000)}\n\nAnswer: ${answer.slice(0, 1000)}\n\nTitle for this conversation:`,
      },
    ],
    maxOutputTokens: 24,
    temperature: 0.2,
    firstTokenTimeoutMs: runtime.timeouts.firstTokenMs,
    idleTimeoutMs: runtime.timeouts.idleMs,
    // Counted to the conversation, not to the reply's message.
    usage: { context: { ...ledger, messageId: undefined } },
  });
  const title = result.status === "complete" ? cleanTitle(result.text) : "";
  return title || fallbackTitle(question);
}
