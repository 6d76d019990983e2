// Who sees what inside a workspace, in one place. A member reads:
// - projects they created, and projects shared with the workspace (`visibility = workspace`);
// - conversations they created, and every conversation in a shared project (read only: only
//   the creator continues, renames, moves, tags or deletes a conversation).
// Private projects and conversations outside shared projects are their creator's alone. Every
// clause names the workspace and requires the caller's membership, so a foreign id is a 404.
import "server-only";
import { Prisma } from "@/lib/db";
import type { WorkspaceScope } from "./current";

type Scope = Pick<WorkspaceScope, "userId" | "workspaceId">;

const memberOf = (scope: Scope) => ({ id: scope.workspaceId, members: { some: { userId: scope.userId } } });

export function readableProjectWhere(scope: Scope) {
  return {
    workspaceId: scope.workspaceId,
    workspace: memberOf(scope),
    OR: [{ userId: scope.userId }, { visibility: "workspace" as const }],
  } satisfies Prisma.ProjectWhereInput;
}

export function readableConversationWhere(scope: Scope) {
  return {
    workspaceId: scope.workspaceId,
    workspace: memberOf(scope),
    OR: [{ userId: scope.userId }, { project: { visibility: "workspace" as const } }],
  } satisfies Prisma.ConversationWhereInput;
}

/** The same as `readableConversationWhere`, in SQL, for the conversation `c` of list and search statements. */
export function readableConversationSql(scope: Scope): Prisma.Sql {
  return Prisma.sql`c."workspaceId" = ${scope.workspaceId}
    AND EXISTS (SELECT 1 FROM "WorkspaceMember" wm WHERE wm."workspaceId" = c."workspaceId" AND wm."userId" = ${scope.userId})
    AND (c."userId" = ${scope.userId}
      OR EXISTS (SELECT 1 FROM "Project" sp WHERE sp.id = c."projectId" AND sp.visibility = 'workspace'))`;
}
