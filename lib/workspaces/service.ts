// Workspaces: list, create, rename, delete, transfer ownership. Members and invites have their own files.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertShareable, requireMembership } from "./access";
import { personalWorkspaceId } from "./personal";
import type { CreateWorkspaceInput, WorkspaceRoleName, WorkspaceView } from "./schemas";
import { sendEverythingHome } from "./send-home";

const workspaceSelect = {
  id: true,
  name: true,
  personalUserId: true,
  createdAt: true,
  _count: { select: { members: true } },
} as const;

function toView(row: { id: string; name: string; personalUserId: string | null; createdAt: Date; _count: { members: number } }, role: WorkspaceRoleName): WorkspaceView {
  return { id: row.id, name: row.name, personal: row.personalUserId !== null, role, members: row._count.members, createdAt: row.createdAt };
}

/** Mine: the personal one first, then by name. */
export async function listWorkspaces(options: { userId: string }) {
  await personalWorkspaceId(options.userId);
  const memberships = await db().workspaceMember.findMany({
    where: { userId: options.userId },
    select: { role: true, workspace: { select: workspaceSelect } },
  });
  const items = memberships
    .map((member) => toView(member.workspace, member.role))
    .sort((a, b) => Number(b.personal) - Number(a.personal) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { items };
}

export async function getWorkspaceOrThrow(options: { userId: string; workspaceId: string }) {
  const member = await requireMembership(options.userId, options.workspaceId);
  const row = await db().workspace.findUniqueOrThrow({ where: { id: options.workspaceId }, select: workspaceSelect });
  return toView(row, member.role);
}

export async function createWorkspace(options: { userId: string; input: CreateWorkspaceInput }) {
  const row = await db().workspace.create({
    data: { name: options.input.name, members: { create: { userId: options.userId, role: "owner" } } },
    select: workspaceSelect,
  });
  return toView(row, "owner");
}

export async function renameWorkspace(options: { userId: string; workspaceId: string; name: string }) {
  const member = await requireMembership(options.userId, options.workspaceId, "admin");
  const row = await db().workspace.update({ where: { id: options.workspaceId }, data: { name: options.name }, select: workspaceSelect });
  return toView(row, member.role);
}

/** Owner only, never the personal one; its work goes home to its creators first (send-home.ts). */
export async function deleteWorkspace(options: { userId: string; workspaceId: string }) {
  const { workspace } = await requireMembership(options.userId, options.workspaceId, "owner");
  if (workspace.personalUserId) throw new AppError("conflict", "Your personal workspace cannot be deleted.");
  const movedHome = await db().$transaction(async (tx) => {
    const moved = await sendEverythingHome(tx, options.workspaceId);
    await tx.workspace.delete({ where: { id: options.workspaceId } });
    return moved;
  });
  return { id: options.workspaceId, movedHome };
}

/** The owner hands the workspace to another member and stays on as an admin. */
export async function transferOwnership(options: { userId: string; workspaceId: string; toUserId: string }) {
  const { workspace } = await requireMembership(options.userId, options.workspaceId, "owner");
  assertShareable(workspace);
  if (options.toUserId === options.userId) throw new AppError("conflict", "You already own this workspace.");
  const target = await db().workspaceMember.findUnique({
    where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: options.toUserId } },
    select: { userId: true },
  });
  if (!target) throw new AppError("not_found", "Member not found.");
  await db().$transaction([
    db().workspaceMember.update({ where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: options.toUserId } }, data: { role: "owner" } }),
    db().workspaceMember.update({ where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: options.userId } }, data: { role: "admin" } }),
  ]);
  return getWorkspaceOrThrow(options);
}
