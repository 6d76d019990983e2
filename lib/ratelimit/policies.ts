// Every rate limit in one typed table: per client IP, per endpoint group, per API key and per
// user tier. A request must pass each limit that applies to it; the tightest one is reported
// in the X-RateLimit-* headers.
import type { Tier } from "@/lib/db/generated/client";

export interface LimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** Requests per hour for an API key that has no limit of its own; also the most a key may set. */
export const apiKeyHourlyLimitByTier: Record<Tier, number> = { free: 100, pro: 1_000, enterprise: 10_000 };

/** Every call made with an API key, per user (all their keys together), by plan. */
export const userLimitByTier: Record<Tier, LimitRule> = {
  free: { limit: 120, windowSeconds: 60 },
  pro: { limit: 600, windowSeconds: 60 },
  enterprise: { limit: 3_000, windowSeconds: 60 },
};

/**
 * The browser app's own traffic (session cookie), per user, whatever the plan: page loads and
 * UI queries must never meet the plan's API limit in normal use, and a script running on the
 * user's API keys must not lock their browser out.
 */
export const sessionRule: LimitRule = { limit: 600, windowSeconds: 60 };

/** All /api/v1 traffic from one client address. */
export const globalIpRule: LimitRule = { limit: 600, windowSeconds: 60 };

/**
 * Endpoint groups with their own, stricter limit; a route joins one by declaring `limit: "<group>"`
 * in its route() definition. Sign-in and sign-up (every /api/v1/auth route) are counted per
 * client address, since the caller is anonymous; new chat turns (POST /api/v1/chat and
 * /api/v1/chat/completions) per user, since each costs tokens; exports (POST /api/v1/export) per
 * user, since a PDF or a ZIP of every conversation costs the server seconds of CPU.
 */
export const endpointGroups = {
  auth: { per: "ip", rule: { limit: 30, windowSeconds: 60 } },
  chat: { per: "user", rule: { limit: 30, windowSeconds: 60 } },
  export: { per: "user", rule: { limit: 20, windowSeconds: 60 } },
} as const satisfies Record<string, { per: "ip" | "user"; rule: LimitRule }>;

export type EndpointGroup = keyof typeof endpointGroups;

/**
 * What a route may declare: a group above, or "exempt" for the health probes, which are never
 * limited because orchestrators and load balancers poll them.
 */
export type LimitGroup = EndpointGroup | "exempt";
