// Bearer bc_… → the key's owner and permissions, or null. Unknown, malformed, revoked and
// expired keys all look the same to the caller: nothing says whether a key ever existed.
import "server-only";
import { db } from "@/lib/db";
import type { Role, Tier } from "@/lib/db/generated/client";
import { apiKeyHourlyLimitByTier } from "@/lib/ratelimit/policies";
import type { ApiKeyPermissionName } from "./schemas";
import { hashApiKeySecret, isWellFormedApiKey } from "./secret";

export interface AuthenticatedApiKey {
  apiKeyId: string;
  /** The key's own limit or its owner's plan default, in requests per hour. */
  rateLimitPerHour: number;
  permissions: ApiKeyPermissionName[];
  user: { id: string; email: string; role: Role; tier: Tier };
}

export async function authenticateApiKey(secret: string, now = new Date()): Promise<AuthenticatedApiKey | null> {
  if (!isWellFormedApiKey(secret)) return null;
  const hash = hashApiKeySecret(secret);
  const key = await db().apiKey.findFirst({
    where: {
      OR: [{ keyHash: hash }, { previousKeyHash: hash, previousKeyExpiresAt: { gt: now } }],
      revokedAt: null,
      AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
    },
    select: {
      id: true,
      permissions: true,
      rateLimitPerHour: true,
      user: { select: { id: true, email: true, role: true, tier: true, emailVerified: true } },
    },
  });
  if (!key || !key.user.emailVerified) return null;
  await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now, usageCount: { increment: 1 } }, select: { id: true } });
  const user = { id: key.user.id, email: key.user.email, role: key.user.role, tier: key.user.tier };
  return {
    apiKeyId: key.id,
    rateLimitPerHour: Math.min(key.rateLimitPerHour ?? Infinity, apiKeyHourlyLimitByTier[user.tier]),
    permissions: key.permissions,
    user,
  };
}
