import { describe, expect, it } from "vitest";
import type { Principal } from "./principal";
import { cacheSession, forgetSession, forgetSessionsOf, getCachedSession, SESSION_CACHE_TTL_MS, sessionCacheKey } from "./session-cache";

const principal = (userId: string): Principal => ({
  userId,
  email: `${userId}@example.com`,
  role: "user",
  tier: "free",
  scopes: ["read", "write"],
  via: "session",
});

describe("session cache", () => {
  it("keys a request by its session cookies only, chunks included, in any order", () => {
    const key = sessionCacheKey(new Headers({ cookie: "theme=dark; authjs.session-token.1=b; authjs.session-token.0=a" }));
    expect(key).toBe("authjs.session-token.0=a; authjs.session-token.1=b");
    expect(sessionCacheKey(new Headers({ cookie: "authjs.session-token.0=a; other=1; authjs.session-token.1=b" }))).toBe(key);
    expect(sessionCacheKey(new Headers({ cookie: "__Secure-authjs.session-token=x" }))).toBe("__Secure-authjs.session-token=x");
    expect(sessionCacheKey(new Headers({ cookie: "authjs.csrf-token=x; theme=dark" }))).toBeNull();
    expect(sessionCacheKey(new Headers())).toBeNull();
  });

  it("expires after the TTL, or earlier when the token does", () => {
    const now = 1_000_000;
    cacheSession("k-ttl", principal("u1"), undefined, now);
    expect(getCachedSession("k-ttl", now + SESSION_CACHE_TTL_MS - 1)?.userId).toBe("u1");
    expect(getCachedSession("k-ttl", now + SESSION_CACHE_TTL_MS)).toBeNull();

    cacheSession("k-exp", principal("u1"), now + 10, now);
    expect(getCachedSession("k-exp", now + 9)?.userId).toBe("u1");
    expect(getCachedSession("k-exp", now + 10)).toBeNull();

    cacheSession("k-expired", principal("u1"), now - 1, now);
    expect(getCachedSession("k-expired", now)).toBeNull();
  });

  it("forgets one session on sign-out and every session of a user on a password change", () => {
    const now = Date.now();
    cacheSession("a1", principal("alice"), undefined, now);
    cacheSession("a2", principal("alice"), undefined, now);
    cacheSession("b1", principal("bob"), undefined, now);
    forgetSession("a1");
    expect(getCachedSession("a1", now)).toBeNull();
    expect(getCachedSession("a2", now)?.userId).toBe("alice");
    forgetSessionsOf("alice");
    expect(getCachedSession("a2", now)).toBeNull();
    expect(getCachedSession("b1", now)?.userId).toBe("bob");
  });
});
