import { z } from "zod";

export const apiKeyPermissions = ["read", "write", "admin"] as const;
export type ApiKeyPermissionName = (typeof apiKeyPermissions)[number];

/** Longest grace period a rotation may keep the old secret alive: 7 days. */
export const MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 3600;
/** Default grace period for the old secret after a rotation: 24 hours. */
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 3600;

const permissionsField = z
  .array(z.enum(apiKeyPermissions))
  .min(1)
  .max(3)
  .transform((permissions) => [...new Set(permissions)])
  .describe("What the key may do: read (GET), write (changes, chat completions), admin (admin routes; owner must be an admin). write implies read, admin implies both.");

const nameField = z.string().trim().min(1).max(100).describe("A label to recognise the key by");

const expiresAtField = z.iso
  .datetime({ offset: true })
  .nullable()
  .describe("When the key stops working (ISO 8601); null or absent → never");

const rateLimitField = z
  .int()
  .min(1)
  .max(100_000)
  .nullable()
  .describe("Requests per hour for this key; null → the plan default (free 100, pro 1,000, enterprise 10,000), which is also the most a key may set");

export const createApiKeyInput = z
  .object({
    name: nameField,
    permissions: permissionsField.default(["read", "write"]),
    expiresAt: expiresAtField.optional(),
    rateLimitPerHour: rateLimitField.optional(),
  })
  .describe("A new API key");
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const updateApiKeyInput = z
  .object({
    name: nameField.optional(),
    permissions: permissionsField.optional(),
    expiresAt: expiresAtField.optional(),
    rateLimitPerHour: rateLimitField.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "Send at least one field to change." })
  .describe("Fields to change; absent fields stay as they are");
export type UpdateApiKeyInput = z.infer<typeof updateApiKeyInput>;

export const rotateApiKeyInput = z
  .object({
    gracePeriodSeconds: z
      .int()
      .min(0)
      .max(MAX_ROTATION_GRACE_SECONDS)
      .default(DEFAULT_ROTATION_GRACE_SECONDS)
      .describe("How long the old secret keeps working, 0–604800 s (default 86400, 24 h); 0 ends it at once"),
  })
  .describe("Rotation options (the body may be omitted)");
export type RotateApiKeyInput = z.infer<typeof rotateApiKeyInput>;

export const apiKeyUsageQuery = z.object({
  days: z.coerce.number().int().min(1).max(90).default(30).describe("Days back from today (UTC), 1–90"),
});
export type ApiKeyUsageQuery = z.infer<typeof apiKeyUsageQuery>;

export const apiKeyStatus = z.enum(["active", "expired", "revoked"]);

export const apiKeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The first characters of the secret, e.g. `bc_AbCd1234`, for recognising it"),
    permissions: z.array(z.enum(apiKeyPermissions)),
    status: apiKeyStatus,
    expiresAt: z.date().nullable(),
    rateLimitPerHour: z.int().describe("The limit in force (the key's own, or the plan default)"),
    customRateLimit: z.boolean().describe("Whether rateLimitPerHour is the key's own rather than the plan default"),
    lastUsedAt: z.date().nullable(),
    usageCount: z.int().describe("Requests authenticated with this key"),
    previousSecretExpiresAt: z.date().nullable().describe("Until when the secret replaced by the last rotation still works"),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .describe("An API key (never its secret)");
export type ApiKeyView = z.infer<typeof apiKeyView>;

export const createdApiKey = z
  .object({
    apiKey: apiKeyView,
    secret: z.string().describe("The full key, `bc_…`. Shown only in this response: store it now"),
  })
  .describe("A new or rotated key with its secret");
export type CreatedApiKey = z.infer<typeof createdApiKey>;

export const apiKeyResponse = z.object({ apiKey: apiKeyView });

export const apiKeyUsage = z
  .object({
    days: z.array(
      z.object({
        date: z.string().describe("YYYY-MM-DD (UTC)"),
        calls: z.int().describe("Model calls made with the key"),
        promptTokens: z.int(),
        completionTokens: z.int(),
        costMicroUsd: z.int().describe("Estimated cost in millionths of a US dollar"),
      }),
    ),
    usageCount: z.int().describe("All requests authenticated with the key, ever"),
    lastUsedAt: z.date().nullable(),
  })
  .describe("Per-day usage of one key, oldest day first, days without calls included");
export type ApiKeyUsage = z.infer<typeof apiKeyUsage>;
