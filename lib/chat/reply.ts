// One chat turn end to end: persist the question and a placeholder reply, fit the context,
// stream the reply through the router as an AI SDK UI message stream, and persist the outcome
// (complete, incomplete when stopped or cut, or error) whatever happens to the connection.
import "server-only";
import type { UIMessageChunk } from "ai";
import { selectCandidates } from "@/lib/ai/model-selection";
import { streamWithFailover, type RouteResult } from "@/lib/ai/router";
import { aiRuntime, type AiRuntime } from "@/lib/ai/runtime";
import type { Principal } from "@/lib/auth/principal";
import { isDatabaseUnavailable, retryWhileDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";
import { SSE_HEADERS, sseChannel } from "@/lib/http/sse";
import { log } from "@/lib/log";
import type { LedgerContext } from "@/lib/usage/ledger-store";
import { toModelMessages } from "./attachments";
import { registerGeneration, runAfterReply } from "./generations";
import { planTurn } from "./plan-turn";
import type { ChatRequestInput, ReplyRoute } from "./schemas";
import { completeAssistantMessage, prepareTurn, setConversationTitle } from "./service";
import { generateTitle } from "./title";

export interface ChatMessageMetadata {
  conversationId: string;
  userMessageId: string;
  route?: ReplyRoute;
  title?: string;
}

function toRoute(result: RouteResult): ReplyRoute | undefined {
  const final = result.status === "complete" ? result.final : result.attempts.at(-1);
  if (!final) return undefined;
  return {
    provider: final.model.provider,
    model: final.model.id,
    keyId: final.keyId,
    maskedKey: final.maskedKey,
    attempts: result.attempts.map((attempt) => ({
      provider: attempt.model.provider,
      model: attempt.model.id,
      keyId: attempt.keyId,
      outcome: attempt.outcome === "aborted" ? "cut" : attempt.outcome,
      status: attempt.status,
      error: attempt.error,
    })),
  };
}

async function titleConversation(options: { runtime: AiRuntime; conversationId: string; question: string; answer: string; ledger: LedgerContext }) {
  try {
    await setConversationTitle(options.conversationId, await generateTitle(options));
  } catch (error) {
    log.warn("title generation failed", { error: String(error) });
  }
}

export async function streamChatReply(options: {
  principal: Principal;
  /** The workspace a new conversation is created in (and an existing one must be read from). */
  workspaceId: string;
  input: ChatRequestInput;
  signal: AbortSignal;
}): Promise<Response> {
  const { principal, input } = options;
  const runtime = aiRuntime();
  // Refuse before anything is written: no provider at all, or a model that does not exist.
  const text = input.action === "regenerate" ? "" : input.message;
  if (input.modelId || runtime.models.length === 0) selectCandidates({ available: runtime.models, text, modelId: input.modelId });

  const turn = await prepareTurn({ userId: principal.userId, workspaceId: options.workspaceId, input });
  // The rows are written while the context is fitted and the provider works on its first token
  // (and images are read); a failed write stops the reply.
  const stop = new AbortController();
  const persisted = turn.persist();
  persisted.catch((error: unknown) => {
    log.error("chat turn could not be saved", { error: error instanceof Error ? error.message : String(error) });
    stop.abort();
  });
  // Cannot refuse the turn any more: the model it names was checked above, a stored one that is gone means auto.
  const plan = planTurn({
    available: runtime.models,
    thread: turn.thread,
    system: turn.systemPrompt ?? undefined,
    modelId: input.modelId,
    storedModelId: turn.storedModelId,
  });
  const assistantMessageId = turn.assistantMessageId;
  const ledger = { userId: principal.userId, conversationId: turn.conversationId, messageId: assistantMessageId };
  const metadata: ChatMessageMetadata = { conversationId: turn.conversationId, userMessageId: turn.userMessage.id };

  // The UI message stream protocol of the AI SDK (what `useChat` reads), written directly.
  // The client may be gone (closed tab): its events are dropped, the reply is still finished and saved.
  const sse = sseChannel();
  const write = (chunk: UIMessageChunk) => sse.send(chunk);

  // Registered until the reply is saved (not only streamed), so a shutdown waits for the save too.
  const unregister = registerGeneration(assistantMessageId, stop);
  const run = async () => {
    const textId = `${assistantMessageId}-text`;
    // Ends the turn's work when the client goes away or a stop is requested (any tab).
    const abortSignal = AbortSignal.any([options.signal, stop.signal]);

    write({ type: "start", messageId: assistantMessageId, messageMetadata: metadata });
    write({ type: "text-start", id: textId });
    let result: RouteResult;
    try {
      // Only a turn with images waits here: file reads, or OCR for a text-only model.
      const messages = await toModelMessages(plan.context.messages, {
        userId: principal.userId,
        vision: plan.vision,
        signal: abortSignal,
      }).catch((error: unknown) => {
        log.error("chat attachments could not be read", { error: error instanceof Error ? error.message : String(error) });
        return null;
      });
      result = !messages
        ? { status: "failed", text: "", attempts: [], error: new AppError("validation_failed", "The attached images could not be read. Try again.") }
        : await streamWithFailover(runtime, {
          candidates: plan.candidates,
          system: plan.context.system,
          messages,
          temperature: turn.temperature ?? undefined,
          maxOutputTokens: plan.replyBudget,
          abortSignal,
          firstTokenTimeoutMs: runtime.timeouts.firstTokenMs,
          idleTimeoutMs: runtime.timeouts.idleMs,
          onDelta: (delta) => write({ type: "text-delta", id: textId, delta }),
          // Ledger rows point at the reply, so they follow its write; a failed write is reported above.
          usage: { context: ledger, after: persisted },
        });
    } finally {
      write({ type: "text-end", id: textId });
    }
    const saveError = await persisted.then(() => undefined, (error: unknown) => error ?? new Error("not saved"));
    if (saveError) {
      write({
        type: "error",
        errorText: isDatabaseUnavailable(saveError)
          ? "The database cannot be reached right now, so this message was not saved. Send it again in a few seconds."
          : "The conversation could not be saved. Try again.",
      });
      return;
    }

    const route = toRoute(result);
    const final = result.status === "complete" ? result.final : undefined;
    // The client has seen this text: a database restarting right now should not lose it.
    await retryWhileDatabaseUnavailable(() => completeAssistantMessage({
      messageId: assistantMessageId,
      content: result.text,
      status: final ? "complete" : result.text || result.status === "aborted" ? "incomplete" : "error",
      modelId: final?.model.id ?? route?.model,
      route,
      usage: final ? { promptTokens: final.usage.inputTokens, completionTokens: final.usage.outputTokens } : undefined,
      replyTokens: final && result.attempts.length === 1 ? final.usage.outputTokens : undefined,
      error: result.status === "failed" ? result.error.message : undefined,
    }));

    if (result.status === "failed") {
      // An explicit error, never a truncated reply that looks complete.
      write({ type: "error", errorText: result.error.message });
      return;
    }
    write({ type: "message-metadata", messageMetadata: { ...metadata, route } });

    if (turn.isNewConversation && result.status === "complete") {
      // Beside the reply, not inside its response: the stream ends with the reply, and the page
      // reads the better title on its next read of the conversation. Until then (and for good
      // when this fails, or the reply was stopped) the title is the question's first words.
      runAfterReply(titleConversation({ runtime, conversationId: turn.conversationId, question: turn.userMessage.content, answer: result.text, ledger }));
    }
    write({ type: "finish", finishReason: result.status === "complete" ? "stop" : "other" });
  };
  void run()
    .catch((error: unknown) => {
      log.error("chat stream failed", { error: error instanceof Error ? error.message : String(error) });
      write({ type: "error", errorText: "The reply failed on our side. Try again." });
    })
    .finally(() => {
      unregister();
      sse.send("[DONE]");
      sse.close();
    });

  return new Response(sse.stream, {
    headers: { ...SSE_HEADERS, "x-vercel-ai-ui-message-stream": "v1", "X-Conversation-Id": turn.conversationId },
  });
}
