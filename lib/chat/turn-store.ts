// What a chat turn reads and writes, in SQL on the driver. A turn reads one branch, not the whole
// tree: the conversation (with its project's instructions) and the messages from one message up
// to the root, in one round trip, so a conversation with many edits costs no more than its
// active branch. The read sits before the first token and the writes run beside every stream,
// so this hot path skips the ORM: measured with e2e/bench, the read takes ~2 ms on the driver,
// ~3.4 ms as a Prisma raw query and ~7 ms as Prisma queries over the whole tree, and each
// Prisma write pays its query compiler. Everything else about conversations goes through Prisma.
import "server-only";
import { database } from "@/lib/db";
import { fromSqlTimestamp, toSqlTimestamp } from "@/lib/db/sql";
import type { Message, MessageStatus, ModelMode } from "@/lib/db/generated/client";
import type { ReplyRoute } from "./schemas";

export interface BranchConversation {
  id: string;
  /** Its creator: only they continue it; other members may read it in a shared project. */
  userId: string;
  systemPrompt: string | null;
  temperature: number | null;
  activeLeafId: string | null;
  modelMode: "auto" | "manual";
  modelId: string | null;
  projectInstructions: string | null;
}

interface BranchRow extends BranchConversation {
  /** Root first; `json_agg` renders timestamps without a zone (they are stored in UTC). */
  branch: (Omit<Message, "createdAt" | "stopRequestedAt"> & { createdAt: string; stopRequestedAt: string | null })[];
}

/** A guard, not a limit anyone meets: parent links never form a cycle, but a loop must not hang. */
const MAX_DEPTH = 100_000;

/**
 * A live conversation the user may read in the workspace (the same rule as
 * lib/workspaces/visibility.ts, inlined for this hot path) and the branch ending at `leafId`
 * (default: its active leaf), root first. Null when the user may not read it (or it is
 * deleted); an empty branch when `leafId` is not a message of it.
 */
export async function loadBranch(options: {
  userId: string;
  workspaceId: string;
  conversationId: string;
  leafId?: string;
}): Promise<{ conversation: BranchConversation; branch: Message[] } | null> {
  const rows = await database().sql.query<BranchRow>(`
    WITH RECURSIVE conv AS (
      SELECT c."id", c."userId", c."systemPrompt", c."temperature", c."activeLeafId", c."modelMode"::text AS "modelMode", c."modelId",
             p."instructions" AS "projectInstructions"
      FROM "Conversation" c LEFT JOIN "Project" p ON p."id" = c."projectId"
      WHERE c."id" = $1 AND c."workspaceId" = $5 AND c."deletedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "WorkspaceMember" wm WHERE wm."workspaceId" = c."workspaceId" AND wm."userId" = $2)
        AND (c."userId" = $2 OR p."visibility" = 'workspace')
    ), chain AS (
      SELECT m."id", m."parentId", 0 AS depth
      FROM "Message" m JOIN conv ON m."conversationId" = conv."id"
      WHERE m."id" = COALESCE($3::text, conv."activeLeafId")
      UNION ALL
      SELECT m."id", m."parentId", chain.depth + 1
      FROM "Message" m JOIN chain ON m."id" = chain."parentId"
      WHERE chain.depth < $4
    )
    SELECT conv.*, COALESCE((
      SELECT json_agg(json_build_object(
        'id', m."id", 'conversationId', m."conversationId", 'parentId', m."parentId", 'role', m."role",
        'content', m."content", 'status', m."status", 'modelId', m."modelId", 'route', m."route",
        'attachments', m."attachments", 'tokenCount', m."tokenCount", 'promptTokens', m."promptTokens",
        'completionTokens', m."completionTokens", 'error', m."error", 'stopRequestedAt', m."stopRequestedAt",
        'createdAt', m."createdAt"
      ) ORDER BY chain.depth DESC)
      FROM chain JOIN "Message" m ON m."id" = chain."id"
    ), '[]'::json) AS "branch"
    FROM conv`,
    [options.conversationId, options.userId, options.leafId ?? null, MAX_DEPTH, options.workspaceId],
  );
  const row = rows[0];
  if (!row) return null;
  const { branch, ...conversation } = row;
  return {
    conversation,
    branch: branch.map((message) => ({
      ...message,
      createdAt: fromSqlTimestamp(message.createdAt),
      stopRequestedAt: message.stopRequestedAt === null ? null : fromSqlTimestamp(message.stopRequestedAt),
    })),
  };
}

export interface TurnWrite {
  userId: string;
  /** Where a new conversation is created. */
  workspaceId: string;
  conversationId: string;
  /** A new conversation is created with the turn, with these settings. */
  create?: { systemPrompt: string | null; temperature: number | null };
  /** The conversation's first turn: a title from the question until the AI's (or a rename) replaces it. */
  placeholderTitle?: string;
  /** The question, when the turn asks a new one (send, edit); a regeneration reuses its question. */
  question?: Pick<Message, "id" | "parentId" | "content" | "attachments" | "tokenCount" | "createdAt">;
  reply: { id: string; parentId: string; modelId: string | null; createdAt: Date };
  generation: { modelMode: ModelMode; modelId: string | null };
  /** Set only when the turn changes it. */
  temperature?: number;
}

/**
 * Writes the turn in one statement: the conversation when new, the question, the empty reply
 * and the active leaf. A statement is atomic on its own, and it holds a pooled connection for
 * one round trip where BEGIN, four statements and COMMIT took six: at hundreds of turns at
 * once, turns queue for those connections.
 * Every CTE of a statement runs exactly once and sees the same snapshot, so a new conversation
 * is inserted with its leaf already set (the final UPDATE does not see it and changes nothing),
 * and the foreign keys are checked at the end of the statement, when all the rows exist.
 */
export async function saveTurn(turn: TurnWrite): Promise<void> {
  const now = toSqlTimestamp(new Date());
  const question = turn.question;
  await database().sql.query(
    `WITH new_conversation AS (
       INSERT INTO "Conversation" ("id", "userId", "workspaceId", "systemPrompt", "temperature", "modelMode", "modelId", "activeLeafId", "title", "createdAt", "updatedAt")
       SELECT $1, $2, $21, $3, $4::double precision, $5::"ModelMode", $6, $7, COALESCE($22, 'New chat'), $8, $8 WHERE $9
     ), question AS (
       INSERT INTO "Message" ("id", "conversationId", "parentId", "role", "content", "status", "attachments", "tokenCount", "createdAt")
       SELECT $10, $1, $11, 'user', $12, 'complete', $13::jsonb, $14::integer, $15 WHERE $10::text IS NOT NULL
     ), reply AS (
       INSERT INTO "Message" ("id", "conversationId", "parentId", "role", "content", "status", "modelId", "createdAt")
       VALUES ($7, $1, $16, 'assistant', '', 'streaming', $17, $18)
     )
     UPDATE "Conversation" SET "activeLeafId" = $7, "modelMode" = $5::"ModelMode", "modelId" = $6,
       "temperature" = CASE WHEN $19 THEN $20::double precision ELSE "temperature" END, "updatedAt" = $8,
       "title" = CASE WHEN $22::text IS NOT NULL AND NOT "titleFinal" THEN $22 ELSE "title" END
     WHERE "id" = $1`,
    [
      turn.conversationId,
      turn.userId,
      turn.create?.systemPrompt ?? null,
      turn.create?.temperature ?? null,
      turn.generation.modelMode,
      turn.generation.modelId,
      turn.reply.id,
      now,
      turn.create !== undefined,
      question?.id ?? null,
      question?.parentId ?? null,
      question?.content ?? null,
      question?.attachments == null ? null : JSON.stringify(question.attachments),
      question?.tokenCount ?? null,
      question ? toSqlTimestamp(question.createdAt) : null,
      turn.reply.parentId,
      turn.reply.modelId,
      toSqlTimestamp(turn.reply.createdAt),
      turn.temperature !== undefined,
      turn.temperature ?? null,
      turn.workspaceId,
      turn.placeholderTitle ?? null,
    ],
  );
}

export interface ReplyWrite {
  id: string;
  content: string;
  status: Exclude<MessageStatus, "streaming">;
  modelId: string | null;
  route: ReplyRoute | null;
  tokenCount: number;
  promptTokens: number | null;
  completionTokens: number | null;
  error: string | null;
}

/** Completes the reply with what arrived. The model id stays as the turn asked when none served it. */
export async function saveReply(reply: ReplyWrite): Promise<void> {
  await database().sql.query(
    `UPDATE "Message" SET "content" = $2, "status" = $3::"MessageStatus", "modelId" = COALESCE($4, "modelId"), "route" = $5::jsonb,
       "tokenCount" = $6, "promptTokens" = $7, "completionTokens" = $8, "error" = $9
     WHERE "id" = $1`,
    [
      reply.id,
      reply.content,
      reply.status,
      reply.modelId,
      reply.route === null ? null : JSON.stringify(reply.route),
      reply.tokenCount,
      reply.promptTokens,
      reply.completionTokens,
      reply.error,
    ],
  );
}
