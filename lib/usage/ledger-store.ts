// The usage ledger: one row per model call, written by the one failover helper
// (lib/ai/failover.ts) as each attempt ends (a chat reply's rows wait until the reply's own row
// is saved). Analytics, quotas, per-key limits, the leaderboard and billing all read this one
// table. A row is written beside every streamed reply, so it goes on the driver (see lib/db).
import "server-only";
import { database } from "@/lib/db";
import type { UsageOutcome } from "@/lib/db/generated/client";
import { newId } from "@/lib/db/ids";
import { toSqlTimestamp } from "@/lib/db/sql";

export interface LedgerContext {
  userId: string;
  apiKeyId?: string;
  conversationId?: string;
  messageId?: string;
}

/** One attempt as the ledger stores it. */
export interface UsageRow {
  provider: string;
  model: string;
  /** The pool's key id (e.g. groq#2), never the key. */
  providerKeyId: string;
  promptTokens: number;
  completionTokens: number;
  costMicroUsd: number;
  latencyMs: number;
  timeToFirstTokenMs: number | null;
  outcome: UsageOutcome;
  errorCode: string | null;
}

/**
 * On the driver rather than Prisma: every model call writes one row, beside every stream, and
 * the ORM's per-query cost showed under load (e2e/bench).
 */
export async function recordUsage(context: LedgerContext, row: UsageRow): Promise<void> {
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
      row.provider,
      row.model,
      row.providerKeyId,
      row.promptTokens,
      row.completionTokens,
      row.costMicroUsd,
      row.latencyMs,
      row.timeToFirstTokenMs,
      row.outcome,
      row.errorCode,
      toSqlTimestamp(new Date()),
    ],
  );
}
