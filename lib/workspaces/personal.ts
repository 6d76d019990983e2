// Every user has one personal workspace: made with the account, or on first use for accounts
// made elsewhere (OAuth sign-ups through the Auth.js adapter, seeds, tests).
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";

export const PERSONAL_WORKSPACE_NAME = "Personal";

/** The user's personal workspace id, made (with the user as its owner) when missing. Idempotent. */
export async function ensurePersonalWorkspace(userId: string, tx: Prisma.TransactionClient): Promise<string> {
  const workspace = await tx.workspace.upsert({
    where: { personalUserId: userId },
    create: { name: PERSONAL_WORKSPACE_NAME, personalUserId: userId, members: { create: { userId, role: "owner" } } },
    update: {},
    select: { id: true },
  });
  return workspace.id;
}

/** The personal workspace's id: one lookup, and a write only the first time. */
export async function personalWorkspaceId(userId: string): Promise<string> {
  const existing = await db().workspace.findUnique({ where: { personalUserId: userId }, select: { id: true } });
  return existing?.id ?? db().$transaction((tx) => ensurePersonalWorkspace(userId, tx));
}
