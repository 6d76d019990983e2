// Nothing is lost when people leave: a removed member's private work, and everything of a
// deleted workspace, moves to its creator's personal workspace. Raw SQL so `updatedAt` (last
// chat activity) is left alone.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { ensurePersonalWorkspace } from "./personal";

/**
 * A member leaves `workspaceId`: their private projects (with their conversations) and their
 * conversations outside shared projects go to their personal workspace. Their conversations in
 * shared projects stay: they are the workspace's work, still readable by its members.
 */
export async function sendPrivateWorkHome(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  const home = await ensurePersonalWorkspace(userId, tx);
  const conversations = await tx.$executeRaw`
    UPDATE "Conversation" c SET "workspaceId" = ${home}
    WHERE c."workspaceId" = ${workspaceId} AND c."userId" = ${userId}
      AND NOT EXISTS (SELECT 1 FROM "Project" p WHERE p.id = c."projectId" AND p.visibility = 'workspace')`;
  const projects = await tx.$executeRaw`
    UPDATE "Project" SET "workspaceId" = ${home}
    WHERE "workspaceId" = ${workspaceId} AND "userId" = ${userId} AND visibility = 'private'`;
  return { projects, conversations };
}

/**
 * A workspace is deleted: every project and conversation goes to its creator's personal
 * workspace. Projects arrive private; a conversation in someone else's project leaves the
 * project (it cannot follow it into another person's workspace).
 */
export async function sendEverythingHome(tx: Prisma.TransactionClient, workspaceId: string) {
  const creators = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Conversation" WHERE "workspaceId" = ${workspaceId}
    UNION SELECT "userId" FROM "Project" WHERE "workspaceId" = ${workspaceId}`;
  for (const { userId } of creators) await ensurePersonalWorkspace(userId, tx);
  await tx.$executeRaw`
    UPDATE "Conversation" c SET "projectId" = NULL
    WHERE c."workspaceId" = ${workspaceId}
      AND EXISTS (SELECT 1 FROM "Project" p WHERE p.id = c."projectId" AND p."userId" <> c."userId")`;
  const conversations = await tx.$executeRaw`
    UPDATE "Conversation" c SET "workspaceId" = h.id
    FROM "Workspace" h WHERE h."personalUserId" = c."userId" AND c."workspaceId" = ${workspaceId}`;
  // Their counts changed with the conversations that left them.
  const projects = await tx.$executeRaw`
    UPDATE "Project" p SET "workspaceId" = h.id, visibility = 'private', "statsAt" = NULL
    FROM "Workspace" h WHERE h."personalUserId" = p."userId" AND p."workspaceId" = ${workspaceId}`;
  return { projects, conversations };
}
