// Project stats (conversations, messages, tokens), cached on the project row: counting a large
// project's messages on every sidebar render would cost more than the page itself.
import "server-only";
import { db } from "@/lib/db";
import type { ProjectStats } from "./schemas";

/** Cached stats older than this are recomputed on read; moves and deletes clear them at once. */
export const STATS_TTL_MS = 60_000;

interface StoredStats {
  conversations: number;
  messages: number;
  tokens: number;
}

export async function invalidateProjectStats(projectIds: (string | null | undefined)[]) {
  const ids = [...new Set(projectIds.filter((id): id is string => Boolean(id)))];
  if (ids.length) await db().project.updateMany({ where: { id: { in: ids } }, data: { statsAt: null } });
}

async function computeStats(projectId: string): Promise<StoredStats> {
  const [row] = await db().$queryRaw<{ conversations: bigint; messages: bigint; tokens: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "Conversation" c WHERE c."projectId" = ${projectId} AND c."deletedAt" IS NULL) AS conversations,
      (SELECT count(*) FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
        WHERE c."projectId" = ${projectId} AND c."deletedAt" IS NULL) AS messages,
      (SELECT coalesce(sum(u."promptTokens" + u."completionTokens"), 0) FROM "UsageEvent" u
        JOIN "Conversation" c ON c.id = u."conversationId"
        WHERE c."projectId" = ${projectId} AND c."deletedAt" IS NULL) AS tokens`;
  return { conversations: Number(row!.conversations), messages: Number(row!.messages), tokens: Number(row!.tokens) };
}

/** Fresh-enough cached stats, recomputing and storing them when stale. */
export async function projectStatsFor(project: { id: string; stats: unknown; statsAt: Date | null }): Promise<ProjectStats> {
  if (project.statsAt && Date.now() - project.statsAt.getTime() < STATS_TTL_MS && project.stats) {
    return { ...(project.stats as StoredStats), computedAt: project.statsAt };
  }
  const stats = await computeStats(project.id);
  const computedAt = new Date();
  // updateMany: the project may have been deleted meanwhile; `updatedAt` is kept (stats are not edits).
  await db().$executeRaw`UPDATE "Project" SET "stats" = ${JSON.stringify(stats)}::jsonb, "statsAt" = ${computedAt} WHERE id = ${project.id}`;
  return { ...stats, computedAt };
}
