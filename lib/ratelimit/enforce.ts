// Applies the limits of policies.ts to one request. The wrapper checks the address-based limits
// before authenticating and the user- and key-based ones after; every response of a limited
// route carries X-RateLimit-Limit/Remaining/Reset for the tightest limit, and a refusal is a
// 429 with Retry-After.
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { endpointGroupFor, endpointGroups, globalIpRule, isExempt, userLimitByTier, type LimitRule } from "./policies";
import type { LimitOutcome, RateLimitStore } from "./types";

export interface LimitCheck {
  /** Shown in the 429 message. */
  label: string;
  identifier: string;
  rule: LimitRule;
}

export function checksBeforeAuth(options: { pathname: string; method: string; ip: string }): LimitCheck[] {
  const { pathname, method, ip } = options;
  const checks: LimitCheck[] = [{ label: "requests from your address", identifier: `ip:${ip}`, rule: globalIpRule }];
  const group = endpointGroupFor(pathname, method);
  if (group && endpointGroups[group].per === "ip") {
    checks.push({ label: `${group} requests from your address`, identifier: `${group}:ip:${ip}`, rule: endpointGroups[group].rule });
  }
  return checks;
}

export function checksAfterAuth(options: { pathname: string; method: string; principal: Principal }): LimitCheck[] {
  const { pathname, method, principal } = options;
  const checks: LimitCheck[] = [];
  const group = endpointGroupFor(pathname, method);
  if (group && endpointGroups[group].per === "user") {
    checks.push({ label: `${group} requests`, identifier: `${group}:user:${principal.userId}`, rule: endpointGroups[group].rule });
  }
  if (principal.apiKey) {
    const rule = { limit: principal.apiKey.rateLimitPerHour, windowSeconds: 3600 };
    checks.push({ label: "requests with this API key", identifier: `key:${principal.apiKey.id}`, rule });
  }
  checks.push({ label: `requests on the ${principal.tier} plan`, identifier: `user:${principal.userId}`, rule: userLimitByTier[principal.tier] });
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

/** A tracker for this request, or null when limits are off or the path is exempt. */
export function trackerFor(store: RateLimitStore | null, pathname: string): RateLimitTracker | null {
  return store && !isExempt(pathname) ? new RateLimitTracker(store) : null;
}
