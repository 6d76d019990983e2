// Who is calling. Every service receives a Principal; routes get one from `requirePrincipal`,
// pages from `getPagePrincipal` (sessions only). Routes also accept `Authorization: Bearer bc_…`
// API keys (`via: "api_key"`), whose scopes are the key's permissions.
import "server-only";
import { authenticateApiKey, type AuthenticatedApiKey } from "@/lib/api-keys/authenticate";
import { bearerToken } from "@/lib/api-keys/secret";
import { db } from "@/lib/db";
import type { Role, Tier } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { readSessionToken } from "./session";
import { cacheSession, getCachedSession, sessionCacheKey } from "./session-cache";

export type Scope = "read" | "write" | "admin";

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  tier: Tier;
  scopes: readonly Scope[];
  via: "session" | "api_key";
  /** Set when `via` is "api_key": which key, and its hourly limit. */
  apiKey?: { id: string; rateLimitPerHour: number };
}

/** "public": anyone; "user": any signed-in, verified user; { role }: that role or higher. */
export type AuthRequirement = "public" | "user" | { role: Role };

const roleRank: Record<Role, number> = { user: 0, moderator: 1, admin: 2 };

export function hasRole(principal: Pick<Principal, "role">, role: Role): boolean {
  return roleRank[principal.role] >= roleRank[role];
}

/**
 * Resolves the session in `headers` to a live user, or null (no session, signed out, revoked by
 * a password change, deleted, unverified). A live session is remembered for a few seconds (see session-cache.ts).
 */
export async function principalFromHeaders(headers: Headers): Promise<Principal | null> {
  const key = sessionCacheKey(headers);
  const cached = key ? getCachedSession(key) : null;
  if (cached) return cached;
  const token = await readSessionToken(headers);
  if (!token?.sub || !token.sid) return null;
  const session = await db().authSession.findUnique({
    where: { id: token.sid },
    select: {
      revokedAt: true,
      user: { select: { id: true, email: true, role: true, tier: true, sessionVersion: true, emailVerified: true } },
    },
  });
  const user = session?.user;
  if (!user || session.revokedAt || user.id !== token.sub || !user.emailVerified || user.sessionVersion !== (token.sv ?? 0)) return null;
  const scopes: Scope[] = user.role === "admin" ? ["read", "write", "admin"] : ["read", "write"];
  const principal: Principal = { userId: user.id, email: user.email, role: user.role, tier: user.tier, scopes, via: "session" };
  if (key) cacheSession(key, principal, typeof token.exp === "number" ? token.exp * 1000 : undefined);
  return principal;
}

/**
 * A key's scopes: write implies read, admin implies both, and admin counts only while the
 * owner is an admin (a demoted admin's keys lose it at once).
 */
export function scopesForApiKey(key: Pick<AuthenticatedApiKey, "permissions" | "user">): Scope[] {
  const admin = key.permissions.includes("admin") && key.user.role === "admin";
  const write = admin || key.permissions.includes("write");
  return (["read", ...(write ? ["write"] : []), ...(admin ? ["admin"] : [])] as Scope[]);
}

async function principalFromApiKey(secret: string): Promise<Principal> {
  const key = await authenticateApiKey(secret);
  if (!key) throw new AppError("invalid_api_key", "The API key is invalid, expired or revoked.");
  return {
    userId: key.user.id,
    email: key.user.email,
    role: key.user.role,
    tier: key.user.tier,
    scopes: scopesForApiKey(key),
    via: "api_key",
    apiKey: { id: key.apiKeyId, rateLimitPerHour: key.rateLimitPerHour },
  };
}

export function assertScope(principal: Principal, scope: Scope): void {
  if (!principal.scopes.includes(scope)) {
    throw new AppError("forbidden", `This ${principal.via === "api_key" ? "API key" : "account"} lacks the ${scope} permission.`);
  }
}

export function assertRole(principal: Principal, role: Role): void {
  if (!hasRole(principal, role)) throw new AppError("forbidden", `This needs the ${role} role.`);
}

/**
 * A Bearer token selects API-key auth (and wins over any cookie); otherwise the session.
 * `scope` is what the route needs (read for GET, write for changes); role-restricted routes
 * also need the admin scope, so only admin keys of admins reach them.
 */
export async function requirePrincipal(
  req: Request,
  requirement: Exclude<AuthRequirement, "public">,
  options: { scope?: Scope; sessionOnly?: boolean } = {},
): Promise<Principal> {
  const token = bearerToken(req.headers);
  const principal = token !== null ? await principalFromApiKey(token) : await principalFromHeaders(req.headers);
  if (!principal) throw new AppError("unauthorized", "Sign in to continue.");
  if (options.sessionOnly && principal.via !== "session") {
    throw new AppError("forbidden", "API keys cannot use this endpoint; sign in to the web app instead.");
  }
  if (typeof requirement === "object") {
    assertRole(principal, requirement.role);
    if (principal.via === "api_key") assertScope(principal, "admin");
  }
  if (options.scope) assertScope(principal, options.scope);
  return principal;
}
