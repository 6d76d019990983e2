// Roles inside a workspace: owner > admin > member. A non-member is told nothing (404); a
// member without the role is told why (403).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { WorkspaceRoleName } from "./schemas";

const rank: Record<WorkspaceRoleName, number> = { member: 0, admin: 1, owner: 2 };

export function hasWorkspaceRole(role: WorkspaceRoleName, needed: WorkspaceRoleName): boolean {
  return rank[role] >= rank[needed];
}

/** The caller's membership of `workspaceId` with at least `needed`: 404 when not a member, 403 when the role is short. */
export async function requireMembership(userId: string, workspaceId: string, needed: WorkspaceRoleName = "member") {
  const member = await db().workspaceMember.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, workspace: { select: { id: true, name: true, personalUserId: true, createdAt: true } } },
  });
  if (!member) throw new AppError("not_found", "Workspace not found.");
  if (!hasWorkspaceRole(member.role, needed)) {
    throw new AppError("forbidden", needed === "owner" ? "Only the workspace's owner can do this." : "Only the workspace's owner and admins can do this.");
  }
  return member;
}

export function assertShareable(workspace: { personalUserId: string | null }) {
  if (workspace.personalUserId) throw new AppError("conflict", "A personal workspace has no other members: create a workspace to share work.");
}
