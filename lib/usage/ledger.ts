// The usage ledger: one row per model call, written as each attempt ends. Analytics, quotas,
// per-key limits, the leaderboard and billing all read this one table.
import "server-only";
import { estimateCostUsd } from "@/lib/ai/catalogue";
import type { AttemptRecord } from "@/lib/ai/router";
import { database } from "@/lib/db";
import { newId } from "@/lib/db/ids";
import { toSqlTimestamp } from "@/lib/db/sql";

export interface LedgerContext {
  userId: string;
  apiKeyId?: string;
  conversationId?: string;
  messageId?: string;
}

const outcomeOf = (attempt: AttemptRecord) =>
  attempt.outcome === "success" ? "success" : attempt.outcome === "aborted" ? "aborted" : "error";

/**
 * One row per attempt, on the driver rather than Prisma: every model call writes one, beside
 * every stream, and the ORM's per-query cost showed under load (e2e/bench).
 */
export async function recordAttempt(context: LedgerContext, attempt: AttemptRecord): Promise<void> {
  await database().sql.query(
    `INSERT INTO "UsageEvent" ("id", "userId", "apiKeyId", "conversationId", "messageId", "provider", "model", "providerKeyId",
       "promptTokens", "completionTokens", "costMicroUsd", "latencyMs", "timeToFirstTokenMs", "outcome", "errorCode", "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::"UsageOutcome", $15, $16)`,
    [
      newId(),
      context.userId,
      context.apiKeyId ?? null,
      context.conversationId ?? null,
      context.messageId ?? null,
      attempt.model.provider,
      attempt.model.id,
      attempt.keyId,
      attempt.usage.inputTokens,
      attempt.usage.outputTokens,
      Math.round(estimateCostUsd(attempt.model, attempt.usage) * 1_000_000),
      Math.round(attempt.latencyMs),
      attempt.timeToFirstTokenMs === undefined ? null : Math.round(attempt.timeToFirstTokenMs),
      outcomeOf(attempt),
      attempt.status ? `http_${attempt.status}` : attempt.error ? "network_or_timeout" : null,
      toSqlTimestamp(new Date()),
    ],
  );
}
