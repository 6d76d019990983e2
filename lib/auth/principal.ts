// Who is calling. Every service receives a Principal; routes get one from `requirePrincipal`,
// pages from `getPagePrincipal`. API keys will add a second source here (`via: "api_key"`).
import "server-only";
import { db } from "@/lib/db";
import type { Role, Tier } from "@/lib/db/generated/client";
import { AppError } from "@/lib/http/errors";
import { readSessionToken } from "./session";

export type Scope = "read" | "write" | "admin";

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  tier: Tier;
  scopes: readonly Scope[];
  via: "session";
}

/** "public": anyone; "user": any signed-in, verified user; { role }: that role or higher. */
export type AuthRequirement = "public" | "user" | { role: Role };

const roleRank: Record<Role, number> = { user: 0, moderator: 1, admin: 2 };

export function hasRole(principal: Pick<Principal, "role">, role: Role): boolean {
  return roleRank[principal.role] >= roleRank[role];
}

/** Resolves the session in `headers` to a live user, or null (no session, revoked, deleted, unverified). */
export async function principalFromHeaders(headers: Headers): Promise<Principal | null> {
  const token = await readSessionToken(headers);
  if (!token?.sub) return null;
  const user = await db().user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, role: true, tier: true, sessionVersion: true, emailVerified: true },
  });
  if (!user || !user.emailVerified || user.sessionVersion !== (token.sv ?? 0)) return null;
  const scopes: Scope[] = user.role === "admin" ? ["read", "write", "admin"] : ["read", "write"];
  return { userId: user.id, email: user.email, role: user.role, tier: user.tier, scopes, via: "session" };
}

export function assertRole(principal: Principal, role: Role): void {
  if (!hasRole(principal, role)) throw new AppError("forbidden", `This needs the ${role} role.`);
}

export async function requirePrincipal(req: Request, requirement: Exclude<AuthRequirement, "public">): Promise<Principal> {
  const principal = await principalFromHeaders(req.headers);
  if (!principal) throw new AppError("unauthorized", "Sign in to continue.");
  if (typeof requirement === "object") assertRole(principal, requirement.role);
  return principal;
}
