// Projects: CRUD with cached stats; deleting one moves its conversations out or deletes them.
// A project lives in a workspace: private to its creator, or shared with every member
// (lib/workspaces/visibility.ts). Its creator changes it; a shared one also its workspace's
// admins and owner.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { WorkspaceScope } from "@/lib/workspaces/current";
import { hasWorkspaceRole } from "@/lib/workspaces/access";
import { readableProjectWhere } from "@/lib/workspaces/visibility";
import type { CreateProjectInput, ProjectView, UpdateProjectInput } from "./schemas";
import { projectStatsFor } from "./stats";

const projectSelect = {
  id: true,
  name: true,
  description: true,
  color: true,
  emoji: true,
  instructions: true,
  visibility: true,
  userId: true,
  stats: true,
  statsAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

async function toView(row: ProjectRow): Promise<ProjectView> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    color: row.color,
    emoji: row.emoji,
    instructions: row.instructions,
    visibility: row.visibility,
    createdBy: row.userId,
    stats: await projectStatsFor(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function findReadableOrThrow(scope: WorkspaceScope, projectId: string) {
  const row = await db().project.findFirst({ where: { id: projectId, ...readableProjectWhere(scope) }, select: projectSelect });
  if (!row) throw new AppError("not_found", "Project not found.");
  return row;
}

/** Its creator; for a shared project also the workspace's admins and owner. */
async function findChangeableOrThrow(scope: WorkspaceScope, projectId: string) {
  const row = await findReadableOrThrow(scope, projectId);
  const mayChange = row.userId === scope.userId || (row.visibility === "workspace" && hasWorkspaceRole(scope.memberRole, "admin"));
  if (!mayChange) throw new AppError("forbidden", "Only the project's creator or the workspace's admins can change it.");
  return row;
}

/** Newest first; keyset-paginated on (createdAt, id). */
export async function listProjects(options: WorkspaceScope & { limit: number; cursor?: string }) {
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await db().project.findMany({
    where: {
      ...readableProjectWhere(options),
      ...(after ? { AND: [{ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: projectSelect,
  });
  const page = rows.slice(0, options.limit);
  const items: ProjectView[] = [];
  for (const row of page) items.push(await toView(row));
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function getProjectOrThrow(options: WorkspaceScope & { projectId: string }) {
  return toView(await findReadableOrThrow(options, options.projectId));
}

export async function createProject(options: WorkspaceScope & { input: CreateProjectInput }) {
  const { input } = options;
  const row = await db().project.create({
    data: {
      userId: options.userId,
      workspaceId: options.workspaceId,
      visibility: input.visibility ?? "private",
      name: input.name,
      description: input.description || null,
      color: input.color ?? null,
      emoji: input.emoji ?? null,
      instructions: input.instructions || null,
    },
    select: projectSelect,
  });
  return toView(row);
}

export async function updateProject(options: WorkspaceScope & { projectId: string; input: UpdateProjectInput }) {
  const current = await findChangeableOrThrow(options, options.projectId);
  const { input } = options;
  if (input.visibility === "private" && current.visibility === "workspace") await assertNoOneElsesConversations(current.id, current.userId);
  const row = await db().project.update({
    where: { id: options.projectId },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.emoji !== undefined ? { emoji: input.emoji } : {}),
      ...(input.instructions !== undefined ? { instructions: input.instructions || null } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
    },
    select: projectSelect,
  });
  return toView(row);
}

/** Making a shared project private would hide other members' own conversations in it from their project. */
async function assertNoOneElsesConversations(projectId: string, creatorId: string) {
  const others = await db().conversation.count({ where: { projectId, userId: { not: creatorId }, deletedAt: null } });
  if (others > 0) {
    throw new AppError("conflict", `Other members have ${others} conversation${others === 1 ? "" : "s"} in this project: it stays shared while they do.`);
  }
}

/**
 * `move`: conversations stay, in no project; `delete`: the caller's own go with it (for good).
 * Other members' conversations in a shared project always stay with their creators, in no project.
 */
export async function deleteProject(options: WorkspaceScope & { projectId: string; conversations: "move" | "delete" }) {
  await findChangeableOrThrow(options, options.projectId);
  const affected = await db().$transaction(async (tx) => {
    const deleted =
      options.conversations === "delete"
        ? (await tx.conversation.deleteMany({ where: { projectId: options.projectId, userId: options.userId } })).count
        : 0;
    // Raw so `updatedAt` (last chat activity) is left alone.
    const moved = await tx.$executeRaw`UPDATE "Conversation" SET "projectId" = NULL WHERE "projectId" = ${options.projectId}`;
    await tx.project.delete({ where: { id: options.projectId } });
    return deleted + moved;
  });
  return { id: options.projectId, conversations: options.conversations, affected };
}
