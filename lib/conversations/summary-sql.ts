// A conversation's summary in SQL: its own columns, its project's badge and its tag names in one
// row, so a page of summaries costs one statement. The conversation list and search select it;
// `c` names the conversation and `pr` its project (joined with `projectJoin`).
import "server-only";
import { Prisma } from "@/lib/db";
import type { ConversationSummary } from "./schemas";

export const summaryColumns = Prisma.sql`
  c.title, c."userId" AS "createdBy", c."projectId", c."pinnedAt", c."archivedAt", c."createdAt", c."updatedAt",
  pr.name AS "projectName", pr.emoji AS "projectEmoji", pr.color AS "projectColor",
  (SELECT array_agg(t.name ORDER BY t.name) FROM "ConversationTag" ct JOIN "Tag" t ON t.id = ct."tagId"
    WHERE ct."conversationId" = c.id) AS tags`;

export const projectJoin = Prisma.sql`LEFT JOIN "Project" pr ON pr.id = c."projectId"`;

/** What `summaryColumns` selects. */
export interface SummaryColumns {
  title: string;
  createdBy: string;
  projectId: string | null;
  pinnedAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  projectName: string | null;
  projectEmoji: string | null;
  projectColor: string | null;
  tags: string[] | null;
}

export function toSummaryFields(row: SummaryColumns): Omit<ConversationSummary, "id"> {
  return {
    title: row.title,
    createdBy: row.createdBy,
    projectId: row.projectId,
    project: row.projectId
      ? { id: row.projectId, name: row.projectName ?? "", emoji: row.projectEmoji, color: row.projectColor }
      : null,
    tags: row.tags ?? [],
    pinned: row.pinnedAt !== null,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Conversations carrying the user's tag of this name. */
export function taggedWith(userId: string, tag: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ConversationTag" ct JOIN "Tag" t ON t.id = ct."tagId"
    WHERE ct."conversationId" = c.id AND t."userId" = ${userId} AND t.name = ${tag})`;
}

/** The keyset page after (`at`, `id`), newest activity first. */
export function activeBefore(at: Date, id: string): Prisma.Sql {
  return Prisma.sql`(c."updatedAt" < ${at} OR (c."updatedAt" = ${at} AND c.id < ${id}))`;
}
