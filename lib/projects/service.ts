// Projects: CRUD with cached stats; deleting one moves its conversations out or deletes them.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { CreateProjectInput, ProjectView, UpdateProjectInput } from "./schemas";
import { projectStatsFor } from "./stats";

const projectSelect = {
  id: true,
  name: true,
  description: true,
  color: true,
  emoji: true,
  instructions: true,
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
    stats: await projectStatsFor(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function findOwnedOrThrow(userId: string, projectId: string) {
  const row = await db().project.findFirst({ where: { id: projectId, userId }, select: projectSelect });
  if (!row) throw new AppError("not_found", "Project not found.");
  return row;
}

/** Newest first; keyset-paginated on (createdAt, id). */
export async function listProjects(options: { userId: string; limit: number; cursor?: string }) {
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await db().project.findMany({
    where: {
      userId: options.userId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
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

export async function getProjectOrThrow(options: { userId: string; projectId: string }) {
  return toView(await findOwnedOrThrow(options.userId, options.projectId));
}

export async function createProject(options: { userId: string; input: CreateProjectInput }) {
  const { input } = options;
  const row = await db().project.create({
    data: {
      userId: options.userId,
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

export async function updateProject(options: { userId: string; projectId: string; input: UpdateProjectInput }) {
  await findOwnedOrThrow(options.userId, options.projectId);
  const { input } = options;
  const row = await db().project.update({
    where: { id: options.projectId },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.emoji !== undefined ? { emoji: input.emoji } : {}),
      ...(input.instructions !== undefined ? { instructions: input.instructions || null } : {}),
    },
    select: projectSelect,
  });
  return toView(row);
}

/** `move`: conversations stay, in no project; `delete`: they go with it (for good). */
export async function deleteProject(options: { userId: string; projectId: string; conversations: "move" | "delete" }) {
  await findOwnedOrThrow(options.userId, options.projectId);
  const affected = await db().$transaction(async (tx) => {
    const where = { projectId: options.projectId, userId: options.userId };
    const count =
      options.conversations === "delete"
        ? (await tx.conversation.deleteMany({ where })).count
        : // Raw so `updatedAt` (last chat activity) is left alone.
          await tx.$executeRaw`UPDATE "Conversation" SET "projectId" = NULL WHERE "projectId" = ${options.projectId} AND "userId" = ${options.userId}`;
    await tx.project.delete({ where: { id: options.projectId } });
    return count;
  });
  return { id: options.projectId, conversations: options.conversations, affected };
}
