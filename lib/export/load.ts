// What an export contains: the conversations the caller may read in the workspace (their own,
// and those in shared projects), never deleted ones, each with its active branch or whole tree.
import "server-only";
import { threadTo } from "@/lib/chat/service";
import { attachmentsOf } from "@/lib/chat/attachments";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readableConversationWhere, readableProjectWhere } from "@/lib/workspaces/visibility";
import type { ExportConversation } from "./schemas";

interface Scope {
  userId: string;
  workspaceId: string;
}

export type ExportTarget = { conversationId: string } | { projectId: string } | { all: true };

/** Conversations a target names; a conversation or project the caller cannot read is a 404. */
export async function exportConversationIds(options: Scope & { target: ExportTarget }): Promise<string[]> {
  const readable: Prisma.ConversationWhereInput = { deletedAt: null, ...readableConversationWhere(options) };
  const { target } = options;
  if ("conversationId" in target) {
    const found = await db().conversation.findFirst({ where: { id: target.conversationId, ...readable }, select: { id: true } });
    if (!found) throw new AppError("not_found", "Conversation not found.");
    return [found.id];
  }
  if ("projectId" in target) {
    const project = await db().project.findFirst({ where: { id: target.projectId, ...readableProjectWhere(options) }, select: { id: true } });
    if (!project) throw new AppError("not_found", "Project not found.");
    readable.projectId = project.id;
  }
  const rows = await db().conversation.findMany({ where: readable, select: { id: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.id);
}

/**
 * Loads one conversation for export, checked again against the caller's read access (a job
 * runs later than the request that started it: a conversation may have been deleted or its
 * project made private meanwhile). Null when it is no longer readable.
 */
export async function loadExportConversation(
  options: Scope & { conversationId: string; branches: "active" | "all" },
): Promise<ExportConversation | null> {
  const conversation = await db().conversation.findFirst({
    where: { id: options.conversationId, deletedAt: null, ...readableConversationWhere(options) },
    include: { project: { select: { name: true } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  if (!conversation) return null;
  const messages = await db().message.findMany({ where: { conversationId: conversation.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const chosen = options.branches === "all" ? messages : threadTo(messages, conversation.activeLeafId);
  return {
    id: conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    project: conversation.project?.name ?? null,
    tags: conversation.tags.map((link) => link.tag.name).sort(),
    systemPrompt: conversation.systemPrompt,
    activeLeafId: conversation.activeLeafId,
    messages: chosen.map((message) => ({
      id: message.id,
      parentId: message.parentId,
      role: message.role,
      content: message.content,
      status: message.status,
      modelId: message.modelId,
      createdAt: message.createdAt,
      attachments: attachmentsOf(message).map(({ imageId, name, mime }) => ({ imageId, name, mime })),
    })),
  };
}
