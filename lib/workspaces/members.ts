// Members: anyone in the workspace lists them; admins and the owner change member <-> admin and
// remove people; anyone but the owner may leave. The owner's role changes only by transfer.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasWorkspaceRole, requireMembership } from "./access";
import type { WorkspaceRoleName } from "./schemas";
import { sendPrivateWorkHome } from "./send-home";

const memberSelect = { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } as const;

function toView(row: { role: WorkspaceRoleName; createdAt: Date; user: { id: string; email: string; name: string | null } }) {
  return { userId: row.user.id, email: row.user.email, name: row.user.name, role: row.role, joinedAt: row.createdAt };
}

const roleOrder: Record<WorkspaceRoleName, number> = { owner: 0, admin: 1, member: 2 };

export async function listMembers(options: { userId: string; workspaceId: string }) {
  await requireMembership(options.userId, options.workspaceId);
  const rows = await db().workspaceMember.findMany({ where: { workspaceId: options.workspaceId }, select: memberSelect });
  const items = rows.map(toView).sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.email.localeCompare(b.email));
  return { items };
}

async function findMemberOrThrow(workspaceId: string, userId: string) {
  const row = await db().workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: memberSelect });
  if (!row) throw new AppError("not_found", "Member not found.");
  return row;
}

export async function updateMemberRole(options: { userId: string; workspaceId: string; memberId: string; role: "admin" | "member" }) {
  await requireMembership(options.userId, options.workspaceId, "admin");
  const target = await findMemberOrThrow(options.workspaceId, options.memberId);
  if (target.role === "owner") throw new AppError("forbidden", "The owner's role changes only by transferring ownership.");
  const row = await db().workspaceMember.update({
    where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: options.memberId } },
    data: { role: options.role },
    select: memberSelect,
  });
  return toView(row);
}

/** Removing someone (or leaving) keeps their shared work here and sends their private work home (send-home.ts). */
export async function removeMember(options: { userId: string; workspaceId: string; memberId: string }) {
  const leaving = options.memberId === options.userId;
  const caller = await requireMembership(options.userId, options.workspaceId);
  if (!leaving && !hasWorkspaceRole(caller.role, "admin")) throw new AppError("forbidden", "Only the workspace's owner and admins can remove members.");
  const target = await findMemberOrThrow(options.workspaceId, options.memberId);
  if (target.role === "owner") {
    throw new AppError(leaving ? "conflict" : "forbidden", leaving ? "Transfer ownership before you leave." : "The owner cannot be removed.");
  }
  const movedHome = await db().$transaction(async (tx) => {
    const moved = await sendPrivateWorkHome(tx, options.workspaceId, options.memberId);
    await tx.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: options.memberId } } });
    return moved;
  });
  return { userId: options.memberId, movedHome };
}
