// The workspace a request works in: `X-Workspace-Id` (or `?workspaceId=`) for API callers, the
// `bc_workspace` cookie the sidebar's switcher sets for the browser, else the personal one.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { personalWorkspaceId } from "./personal";
import type { WorkspaceRoleName } from "./schemas";

export const WORKSPACE_HEADER = "x-workspace-id";
export const WORKSPACE_QUERY = "workspaceId";
export const WORKSPACE_COOKIE = "bc_workspace";

/** Who is working where: every scoped query puts both ids (and the membership) in its `where`. */
export interface WorkspaceScope {
  userId: string;
  workspaceId: string;
  /** The caller's role in it. */
  memberRole: WorkspaceRoleName;
}

async function membership(userId: string, workspaceId: string) {
  return db().workspaceMember.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
}

/**
 * `requested` names a workspace on purpose (header or query): a workspace the user is not a
 * member of is a 404. `remembered` (the cookie) may be stale after a removal: it falls back to
 * the personal workspace.
 */
export async function resolveWorkspace(options: { userId: string; requested?: string | null; remembered?: string | null }): Promise<WorkspaceScope> {
  const { userId, requested, remembered } = options;
  if (requested) {
    const member = await membership(userId, requested);
    if (!member) throw new AppError("not_found", "Workspace not found.");
    return { userId, workspaceId: requested, memberRole: member.role };
  }
  if (remembered) {
    const member = await membership(userId, remembered);
    if (member) return { userId, workspaceId: remembered, memberRole: member.role };
  }
  return { userId, workspaceId: await personalWorkspaceId(userId), memberRole: "owner" };
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** For route handlers: the request's workspace (see the file comment). */
export function requestWorkspace(req: Request, userId: string): Promise<WorkspaceScope> {
  const requested = req.headers.get(WORKSPACE_HEADER) ?? new URL(req.url).searchParams.get(WORKSPACE_QUERY);
  return resolveWorkspace({ userId, requested: requested?.trim() || null, remembered: cookieValue(req.headers.get("cookie"), WORKSPACE_COOKIE) });
}
