// API keys: create (secret shown once), list, change, revoke, rotate with a grace period, and
// per-day usage. Ownership is in every `where`, so someone else's key is a 404.
import "server-only";
import { db } from "@/lib/db";
import type { ApiKey, Tier } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, paginationQuery } from "@/lib/pagination";
import { apiKeyHourlyLimitByTier } from "@/lib/ratelimit/policies";
import type { z } from "zod";
import type {
  ApiKeyPermissionName,
  ApiKeyUsage,
  ApiKeyUsageQuery,
  ApiKeyView,
  CreateApiKeyInput,
  RotateApiKeyInput,
  UpdateApiKeyInput,
} from "./schemas";
import { API_KEY_PREFIX, generateApiKeySecret } from "./secret";

/** The columns a view needs; the hashes never leave this module. */
const viewColumns = {
  id: true,
  name: true,
  prefix: true,
  permissions: true,
  expiresAt: true,
  rateLimitPerHour: true,
  lastUsedAt: true,
  usageCount: true,
  previousKeyExpiresAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

type ApiKeyRow = Pick<ApiKey, keyof typeof viewColumns>;

export interface ApiKeyOwner {
  userId: string;
  role: "user" | "moderator" | "admin";
  tier: Tier;
}

export function toApiKeyView(row: ApiKeyRow, tier: Tier, now = new Date()): ApiKeyView {
  const status = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: `${API_KEY_PREFIX}${row.prefix}`,
    permissions: row.permissions,
    status,
    expiresAt: row.expiresAt,
    rateLimitPerHour: row.rateLimitPerHour ?? apiKeyHourlyLimitByTier[tier],
    customRateLimit: row.rateLimitPerHour !== null,
    lastUsedAt: row.lastUsedAt,
    usageCount: row.usageCount,
    previousSecretExpiresAt: row.previousKeyExpiresAt && row.previousKeyExpiresAt > now ? row.previousKeyExpiresAt : null,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
  };
}

function assertAllowed(
  owner: ApiKeyOwner,
  input: { permissions?: ApiKeyPermissionName[]; expiresAt?: string | null; rateLimitPerHour?: number | null },
  now: Date,
) {
  if (input.permissions?.includes("admin") && owner.role !== "admin") {
    throw new AppError("forbidden", "Only admins can give a key the admin permission.");
  }
  if (input.expiresAt && new Date(input.expiresAt) <= now) {
    throw new AppError("validation_failed", "expiresAt: must be in the future.");
  }
  const ceiling = apiKeyHourlyLimitByTier[owner.tier];
  if (input.rateLimitPerHour && input.rateLimitPerHour > ceiling) {
    throw new AppError("validation_failed", `rateLimitPerHour: your plan allows at most ${ceiling} requests per hour per key.`);
  }
}

const toDate = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

export async function createApiKey(options: { owner: ApiKeyOwner; input: CreateApiKeyInput; now?: Date }) {
  const { owner, input, now = new Date() } = options;
  assertAllowed(owner, input, now);
  const { secret, hash, prefix } = generateApiKeySecret();
  const row = await db().apiKey.create({
    data: {
      userId: owner.userId,
      name: input.name,
      prefix,
      keyHash: hash,
      permissions: input.permissions,
      expiresAt: toDate(input.expiresAt) ?? null,
      rateLimitPerHour: input.rateLimitPerHour ?? null,
    },
    select: viewColumns,
  });
  return { apiKey: toApiKeyView(row, owner.tier, now), secret };
}

/** Newest first; keyset-paginated on (createdAt, id). Revoked keys stay listed, marked revoked. */
export async function listApiKeys(options: { owner: ApiKeyOwner } & z.infer<typeof paginationQuery>) {
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await db().apiKey.findMany({
    where: {
      userId: options.owner.userId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: viewColumns,
  });
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => toApiKeyView(row, options.owner.tier)),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

async function getApiKeyRowOrThrow(userId: string, apiKeyId: string): Promise<ApiKeyRow> {
  const row = await db().apiKey.findFirst({ where: { id: apiKeyId, userId }, select: viewColumns });
  if (!row) throw new AppError("not_found", "API key not found.");
  return row;
}

export async function getApiKeyOrThrow(options: { owner: ApiKeyOwner; apiKeyId: string }): Promise<ApiKeyView> {
  return toApiKeyView(await getApiKeyRowOrThrow(options.owner.userId, options.apiKeyId), options.owner.tier);
}

async function getLiveApiKeyRowOrThrow(userId: string, apiKeyId: string): Promise<ApiKeyRow> {
  const row = await getApiKeyRowOrThrow(userId, apiKeyId);
  if (row.revokedAt) throw new AppError("conflict", "This key is revoked and can no longer be changed. Create a new one.");
  return row;
}

export async function updateApiKey(options: { owner: ApiKeyOwner; apiKeyId: string; input: UpdateApiKeyInput; now?: Date }) {
  const { owner, apiKeyId, input, now = new Date() } = options;
  assertAllowed(owner, input, now);
  await getLiveApiKeyRowOrThrow(owner.userId, apiKeyId);
  const row = await db().apiKey.update({
    where: { id: apiKeyId, userId: owner.userId },
    data: {
      name: input.name,
      permissions: input.permissions,
      expiresAt: toDate(input.expiresAt),
      rateLimitPerHour: input.rateLimitPerHour,
    },
    select: viewColumns,
  });
  return toApiKeyView(row, owner.tier, now);
}

/** Revocation is immediate for the current secret and any rotated-out one still in its grace period. */
export async function revokeApiKey(options: { owner: ApiKeyOwner; apiKeyId: string; now?: Date }): Promise<ApiKeyView> {
  const { owner, apiKeyId, now = new Date() } = options;
  const existing = await getApiKeyRowOrThrow(owner.userId, apiKeyId);
  if (existing.revokedAt) return toApiKeyView(existing, owner.tier, now);
  const row = await db().apiKey.update({
    where: { id: apiKeyId, userId: owner.userId },
    data: { revokedAt: now, previousKeyHash: null, previousKeyExpiresAt: null },
    select: viewColumns,
  });
  return toApiKeyView(row, owner.tier, now);
}

/**
 * A new secret for the same key (same id, name, permissions, limit and usage). The old secret
 * keeps working for `gracePeriodSeconds` (default 24 h) so deployments can switch over; a
 * second rotation ends the first one's grace period at once.
 */
export async function rotateApiKey(options: { owner: ApiKeyOwner; apiKeyId: string; input: RotateApiKeyInput; now?: Date }) {
  const { owner, apiKeyId, input, now = new Date() } = options;
  await getLiveApiKeyRowOrThrow(owner.userId, apiKeyId);
  const current = await db().apiKey.findFirstOrThrow({ where: { id: apiKeyId, userId: owner.userId }, select: { keyHash: true } });
  const { secret, hash, prefix } = generateApiKeySecret();
  const graceEnds = new Date(now.getTime() + input.gracePeriodSeconds * 1000);
  const row = await db().apiKey.update({
    where: { id: apiKeyId, userId: owner.userId },
    data: {
      keyHash: hash,
      prefix,
      previousKeyHash: input.gracePeriodSeconds > 0 ? current.keyHash : null,
      previousKeyExpiresAt: input.gracePeriodSeconds > 0 ? graceEnds : null,
    },
    select: viewColumns,
  });
  return { apiKey: toApiKeyView(row, owner.tier, now), secret };
}

const dayString = (date: Date) => date.toISOString().slice(0, 10);

/** Per-day model calls, tokens and cost from the usage ledger, every day in the range listed. */
export async function getApiKeyUsage(options: {
  owner: ApiKeyOwner;
  apiKeyId: string;
  query: ApiKeyUsageQuery;
  now?: Date;
}): Promise<ApiKeyUsage> {
  const { owner, apiKeyId, query, now = new Date() } = options;
  const key = await getApiKeyRowOrThrow(owner.userId, apiKeyId);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (query.days - 1) * 86_400_000);
  const rows = await db().$queryRaw<
    { day: string; calls: number; promptTokens: number; completionTokens: number; costMicroUsd: number }[]
  >`
    SELECT to_char(date_trunc('day', "createdAt"), 'YYYY-MM-DD') AS day,
           count(*)::int AS "calls",
           coalesce(sum("promptTokens"), 0)::int AS "promptTokens",
           coalesce(sum("completionTokens"), 0)::int AS "completionTokens",
           coalesce(sum("costMicroUsd"), 0)::int AS "costMicroUsd"
    FROM "UsageEvent"
    WHERE "apiKeyId" = ${apiKeyId} AND "userId" = ${owner.userId} AND "createdAt" >= ${since}
    GROUP BY 1`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days = Array.from({ length: query.days }, (_, index) => {
    const date = dayString(new Date(since.getTime() + index * 86_400_000));
    const row = byDay.get(date);
    return {
      date,
      calls: row?.calls ?? 0,
      promptTokens: row?.promptTokens ?? 0,
      completionTokens: row?.completionTokens ?? 0,
      costMicroUsd: row?.costMicroUsd ?? 0,
    };
  });
  return { days, usageCount: key.usageCount, lastUsedAt: key.lastUsedAt };
}
