// The usage ledger: one row per model call, written as each attempt ends. Analytics, quotas,
// per-key limits, the leaderboard and billing all read this one table.
import "server-only";
import { estimateCostUsd } from "@/lib/ai/catalogue";
import type { AttemptRecord } from "@/lib/ai/router";
import { db } from "@/lib/db";

export interface LedgerContext {
  userId: string;
  apiKeyId?: string;
  conversationId?: string;
  messageId?: string;
}

const outcomeOf = (attempt: AttemptRecord) =>
  attempt.outcome === "success" ? "success" : attempt.outcome === "aborted" ? "aborted" : "error";

export async function recordAttempt(context: LedgerContext, attempt: AttemptRecord): Promise<void> {
  await db().usageEvent.create({
    data: {
      ...context,
      provider: attempt.model.provider,
      model: attempt.model.id,
      providerKeyId: attempt.keyId,
      promptTokens: attempt.usage.inputTokens,
      completionTokens: attempt.usage.outputTokens,
      costMicroUsd: Math.round(estimateCostUsd(attempt.model, attempt.usage) * 1_000_000),
      latencyMs: Math.round(attempt.latencyMs),
      timeToFirstTokenMs: attempt.timeToFirstTokenMs === undefined ? null : Math.round(attempt.timeToFirstTokenMs),
      outcome: outcomeOf(attempt),
      errorCode: attempt.status ? `http_${attempt.status}` : attempt.error ? "network_or_timeout" : null,
    },
  });
}
