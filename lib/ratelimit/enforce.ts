// Applies the limits of policies.ts to one request. The wrapper checks the address-based limits
// before authenticating and the user- and key-based ones after; every response of a limited
// route carries X-RateLimit-Limit/Remaining/Reset for the tightest limit, and a refusal is a
// 429 with Retry-After.
import type { Tier } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { endpointGroups, globalIpRule, sessionRule, userLimitByTier, type LimitGroup, type LimitRule } from "./policies";
import type { LimitOutcome, RateLimitStore } from "./types";

export interface LimitCheck {
  /** Shown in the 429 message. */
  label: string;
  identifier: string;
  rule: LimitRule;
}

/**
 * Who an authenticated request counts against. A Principal fits; declared here rather than
 * imported so that the limits do not depend on lib/auth (which depends on lib/api-keys, which
 * reads the tier limits from here).
 */
export interface LimitSubject {
  userId: string;
  tier: Tier;
  apiKey?: { id: string; rateLimitPerHour: number };
}

export function checksBeforeAuth(options: { group?: LimitGroup; ip: string }): LimitCheck[] {
  const { group, ip } = options;
  const checks: LimitCheck[] = [{ label: "requests from your address", identifier: `ip:${ip}`, rule: globalIpRule }];
  if (group && group !== "exempt" && endpointGroups[group].per === "ip") {
    checks.push({ label: `${group} requests from your address`, identifier: `${group}:ip:${ip}`, rule: endpointGroups[group].rule });
  }
  return checks;
}

export function checksAfterAuth(options: { group?: LimitGroup; subject: LimitSubject }): LimitCheck[] {
  const { group, subject } = options;
  const checks: LimitCheck[] = [];
  if (group && group !== "exempt" && endpointGroups[group].per === "user") {
    checks.push({ label: `${group} requests`, identifier: `${group}:user:${subject.userId}`, rule: endpointGroups[group].rule });
  }
  if (subject.apiKey) {
    const rule = { limit: subject.apiKey.rateLimitPerHour, windowSeconds: 3600 };
    checks.push({ label: "requests with this API key", identifier: `key:${subject.apiKey.id}`, rule });
    checks.push({ label: `API requests on the ${subject.tier} plan`, identifier: `user:${subject.userId}`, rule: userLimitByTier[subject.tier] });
  } else {
    checks.push({ label: "requests from the app in your browser", identifier: `session:${subject.userId}`, rule: sessionRule });
  }
  return checks;
}

/** Tracks the limits one request passed, to report the tightest in its headers. */
export class RateLimitTracker {
  private tightest: LimitOutcome | undefined;

  constructor(private readonly store: RateLimitStore) {}

  /** Counts the request against each check in turn; throws a 429 AppError at the first one exceeded. */
  async check(checks: LimitCheck[]): Promise<void> {
    for (const check of checks) {
      let outcome: LimitOutcome;
      try {
        outcome = await this.store.limit(check.identifier, check.rule);
      } catch (error) {
        // A limiter outage must not take the API down with it.
        log.warn("rate limit store failed; request allowed", { store: this.store.kind, error: String(error) });
        continue;
      }
      this.remember(outcome);
      if (!outcome.success) {
        const retryAfterSeconds = Math.max(1, Math.ceil((outcome.reset - this.store.now()) / 1000));
        throw new AppError(
          "rate_limited",
          `Too many ${check.label}: at most ${check.rule.limit} per ${describeWindow(check.rule.windowSeconds)}. Try again in ${retryAfterSeconds} s.`,
          { retryAfterSeconds },
        );
      }
    }
  }

  private remember(outcome: LimitOutcome) {
    const current = this.tightest;
    if (!current || (current.success && (!outcome.success || outcome.remaining < current.remaining))) this.tightest = outcome;
  }

  /** X-RateLimit-Limit, -Remaining, and -Reset (Unix time in seconds when the window ends). */
  applyHeaders(headers: Headers): void {
    if (!this.tightest) return;
    headers.set("X-RateLimit-Limit", String(this.tightest.limit));
    headers.set("X-RateLimit-Remaining", String(this.tightest.remaining));
    headers.set("X-RateLimit-Reset", String(Math.ceil(this.tightest.reset / 1000)));
  }
}

function describeWindow(seconds: number): string {
  if (seconds === 3600) return "hour";
  if (seconds === 60) return "minute";
  return `${seconds} s`;
}

/** A tracker for this request, or null when limits are off or the route is exempt. */
export function trackerFor(store: RateLimitStore | null, group: LimitGroup | undefined): RateLimitTracker | null {
  return store && group !== "exempt" ? new RateLimitTracker(store) : null;
}
