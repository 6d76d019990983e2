// Conversation organisation: lists, rename, pin, archive, projects, tags, soft delete.
// (Chat turns and message trees live in lib/chat.) Members read each other's conversations in
// shared projects (lib/workspaces/visibility.ts); only a conversation's creator changes it.
import "server-only";
import { db, Prisma as PrismaSql } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { invalidateProjectStats } from "@/lib/projects/stats";
import type { WorkspaceScope } from "@/lib/workspaces/current";
import { readableConversationSql, readableConversationWhere, readableProjectWhere } from "@/lib/workspaces/visibility";
import type {
  ConversationSummary,
  CreateConversationInput,
  ListConversationsQuery,
  UpdateConversationInput,
} from "./schemas";
import { MAX_TAGS_PER_CONVERSATION } from "./schemas";
import { activeBefore, projectJoin, summaryColumns, taggedWith, toSummaryFields, type SummaryColumns } from "./summary-sql";

/** Soft-deleted conversations stay restorable this long, then the next delete purges them. */
export const DELETED_RETENTION_MS = 24 * 60 * 60 * 1000;

export const summarySelect = {
  id: true,
  userId: true,
  title: true,
  projectId: true,
  pinnedAt: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  project: { select: { id: true, name: true, emoji: true, color: true } },
  tags: { select: { tag: { select: { name: true } } } },
} satisfies Prisma.ConversationSelect;

type SummaryRow = Prisma.ConversationGetPayload<{ select: typeof summarySelect }>;

export function toSummary(row: SummaryRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    createdBy: row.userId,
    projectId: row.projectId,
    project: row.project,
    tags: row.tags.map((link) => link.tag.name).sort(),
    pinned: row.pinnedAt !== null,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Newest activity first; keyset-paginated on (updatedAt, id). Deleted ones never show.
 * One SQL statement (project and tags joined in), so a page costs one round trip: the sidebar
 * asks for one on every load and scroll.
 */
export async function listConversations(options: WorkspaceScope & ListConversationsQuery) {
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const clauses: Prisma.Sql[] = [
    readableConversationSql(options),
    PrismaSql.sql`c."deletedAt" IS NULL`,
    options.archived ? PrismaSql.sql`c."archivedAt" IS NOT NULL` : PrismaSql.sql`c."archivedAt" IS NULL`,
  ];
  if (options.projectId === "none") clauses.push(PrismaSql.sql`c."projectId" IS NULL`);
  else if (options.projectId) clauses.push(PrismaSql.sql`c."projectId" = ${options.projectId}`);
  if (options.pinned !== undefined) {
    clauses.push(options.pinned ? PrismaSql.sql`c."pinnedAt" IS NOT NULL` : PrismaSql.sql`c."pinnedAt" IS NULL`);
  }
  if (options.tag) clauses.push(taggedWith(options.userId, options.tag));
  if (after) clauses.push(activeBefore(after.at, after.id));
  const rows = await db().$queryRaw<({ id: string } & SummaryColumns)[]>`
    SELECT c.id, ${summaryColumns}
    FROM "Conversation" c ${projectJoin}
    WHERE ${PrismaSql.join(clauses, " AND ")}
    ORDER BY c."updatedAt" DESC, c.id DESC
    LIMIT ${options.limit + 1}`;
  const items: ConversationSummary[] = rows.slice(0, options.limit).map((row) => ({ id: row.id, ...toSummaryFields(row) }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : null,
  };
}

async function findReadableOrThrow(scope: WorkspaceScope, conversationId: string, options: { deleted?: boolean } = {}) {
  const row = await db().conversation.findFirst({
    where: { id: conversationId, deletedAt: options.deleted ? { not: null } : null, ...readableConversationWhere(scope) },
    select: summarySelect,
  });
  if (!row) throw new AppError("not_found", "Conversation not found.");
  return row;
}

/** Members read a shared project's conversations; only the creator changes one. */
async function findOwnOrThrow(scope: WorkspaceScope, conversationId: string, options: { deleted?: boolean } = {}) {
  const row = await findReadableOrThrow(scope, conversationId, options);
  if (row.userId !== scope.userId) throw new AppError("forbidden", "Only the conversation's creator can change it.");
  return row;
}

export async function getConversationSummaryOrThrow(options: WorkspaceScope & { conversationId: string }) {
  return toSummary(await findReadableOrThrow(options, options.conversationId));
}

async function assertProjectReadable(scope: WorkspaceScope, projectId: string) {
  const project = await db().project.findFirst({ where: { id: projectId, ...readableProjectWhere(scope) }, select: { id: true } });
  if (!project) throw new AppError("not_found", "Project not found.");
}

export async function createConversation(options: WorkspaceScope & { input: CreateConversationInput }) {
  const { userId, input } = options;
  if (input.projectId) await assertProjectReadable(options, input.projectId);
  const row = await db().conversation.create({
    data: {
      userId,
      workspaceId: options.workspaceId,
      ...(input.title ? { title: input.title, titleFinal: true } : {}),
      projectId: input.projectId ?? null,
    },
    select: summarySelect,
  });
  if (input.projectId) await invalidateProjectStats([input.projectId]);
  return toSummary(row);
}

/** Replaces the tag set; missing tags are created. Runs inside the caller's transaction. */
async function setTags(tx: Prisma.TransactionClient, userId: string, conversationId: string, names: string[]) {
  const unique = [...new Set(names)];
  await tx.tag.createMany({ data: unique.map((name) => ({ userId, name })), skipDuplicates: true });
  const tags = await tx.tag.findMany({ where: { userId, name: { in: unique } }, select: { id: true } });
  await tx.conversationTag.deleteMany({ where: { conversationId, tagId: { notIn: tags.map((tag) => tag.id) } } });
  await tx.conversationTag.createMany({
    data: tags.map((tag) => ({ conversationId, tagId: tag.id })),
    skipDuplicates: true,
  });
}

export async function updateConversation(options: WorkspaceScope & { conversationId: string; input: UpdateConversationInput }) {
  const { userId, conversationId, input } = options;
  const current = await findOwnOrThrow(options, conversationId);
  if (input.projectId) await assertProjectReadable(options, input.projectId);
  const now = new Date();
  const row = await db().$transaction(async (tx) => {
    if (input.tags) await setTags(tx, userId, conversationId, input.tags);
    return tx.conversation.update({
      where: { id: conversationId },
      data: {
        // Organising is not activity: the conversation keeps its place in the list.
        updatedAt: current.updatedAt,
        ...(input.title !== undefined ? { title: input.title, titleFinal: true } : {}),
        ...(input.pinned !== undefined ? { pinnedAt: input.pinned ? (current.pinnedAt ?? now) : null } : {}),
        ...(input.archived !== undefined ? { archivedAt: input.archived ? (current.archivedAt ?? now) : null } : {}),
        ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
      },
      select: summarySelect,
    });
  });
  if (input.projectId !== undefined || input.archived !== undefined) {
    await invalidateProjectStats([current.projectId, row.projectId]);
  }
  return toSummary(row);
}

export async function addConversationTag(options: WorkspaceScope & { conversationId: string; name: string }) {
  const current = await findOwnOrThrow(options, options.conversationId);
  const names = current.tags.map((link) => link.tag.name);
  if (!names.includes(options.name) && names.length >= MAX_TAGS_PER_CONVERSATION) {
    throw new AppError("validation_failed", `tags: at most ${MAX_TAGS_PER_CONVERSATION} tags per conversation.`);
  }
  return updateConversation({ ...options, input: { tags: [...names, options.name] } });
}

export async function removeConversationTag(options: WorkspaceScope & { conversationId: string; name: string }) {
  const current = await findOwnOrThrow(options, options.conversationId);
  const names = current.tags.map((link) => link.tag.name);
  const name = options.name.trim().toLowerCase();
  if (!names.includes(name)) throw new AppError("not_found", "This conversation has no such tag.");
  return updateConversation({ ...options, input: { tags: names.filter((tag) => tag !== name) } });
}

/** My tags with how many of my live (not deleted) conversations in this workspace carry each; unused tags are left out. */
export async function listTags(options: WorkspaceScope) {
  const tags = await db().tag.findMany({
    where: { userId: options.userId },
    select: {
      name: true,
      _count: { select: { conversations: { where: { conversation: { deletedAt: null, workspaceId: options.workspaceId } } } } },
    },
    orderBy: { name: "asc" },
  });
  return {
    items: tags
      .map((tag) => ({ name: tag.name, count: tag._count.conversations }))
      .filter((tag) => tag.count > 0)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}

/**
 * Soft delete: the conversation disappears at once and can be restored (the UI's undo);
 * conversations deleted longer than DELETED_RETENTION_MS ago are purged for good now.
 */
export async function deleteConversation(options: WorkspaceScope & { conversationId: string }) {
  const current = await findOwnOrThrow(options, options.conversationId);
  const now = new Date();
  await db().conversation.update({
    where: { id: current.id },
    data: { deletedAt: now, updatedAt: current.updatedAt },
  });
  await db().conversation.deleteMany({
    where: { userId: options.userId, deletedAt: { lt: new Date(now.getTime() - DELETED_RETENTION_MS) } },
  });
  await invalidateProjectStats([current.projectId]);
  return { id: current.id, deletedAt: now };
}

export async function restoreConversation(options: WorkspaceScope & { conversationId: string }) {
  const current = await findOwnOrThrow(options, options.conversationId, { deleted: true });
  const row = await db().conversation.update({
    where: { id: current.id },
    data: { deletedAt: null, updatedAt: current.updatedAt },
    select: summarySelect,
  });
  await invalidateProjectStats([current.projectId]);
  return toSummary(row);
}
