// Resolved browser sessions, kept briefly. Resolving one costs a JWE decrypt and a user lookup,
// and a chat turn pays both before its first token; a busy tab sends several requests a second.
//
// Staleness window: SESSION_CACHE_TTL_MS. In this process, a password change or reset drops the
// user's entries at once and sign-out drops its own; another instance, or a direct database
// edit (role, tier, deletion), is seen within the window. Only live, verified sessions are kept,
// so verifying an email or signing in never waits for it.
import type { Principal } from "./principal";
import { processSingleton } from "@/lib/process/singleton";

/** How long a resolved session is trusted without reading the user again. */
export const SESSION_CACHE_TTL_MS = 5_000;
/** Bounds memory under many distinct sessions; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

// Auth.js's session cookie, with the __Secure- prefix over https, split into .0, .1, … when large.
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

interface Entry {
  principal: Principal;
  expiresAt: number;
}

// One per process: each route bundle has its own module instances, and sign-out must reach them all.
const entries = processSingleton("session-cache", () => new Map<string, Entry>());

/** The session cookies of a request, as one key; null when it has none. */
export function sessionCacheKey(headers: Headers): string | null {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const parts = cookie
    .split(";")
    .map((part) => part.trim())
    .filter((part) => SESSION_COOKIE.test(part.slice(0, part.indexOf("="))));
  return parts.length ? parts.sort().join("; ") : null;
}

export function getCachedSession(key: string, now = Date.now()): Principal | null {
  const entry = entries.get(key);
  if (!entry) return null;
  if (entry.expiresAt <= now) {
    entries.delete(key);
    return null;
  }
  return entry.principal;
}

/** Keeps `principal` for the TTL, never past `tokenExpiresAt` (ms) when the token says so. */
export function cacheSession(key: string, principal: Principal, tokenExpiresAt?: number, now = Date.now()): void {
  const expiresAt = Math.min(now + SESSION_CACHE_TTL_MS, tokenExpiresAt ?? Infinity);
  if (expiresAt <= now) return;
  entries.delete(key);
  entries.set(key, { principal, expiresAt });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

export function forgetSession(key: string): void {
  entries.delete(key);
}

/** After a change to how `userId` may sign in (password changed or reset). */
export function forgetSessionsOf(userId: string): void {
  for (const [key, entry] of entries) if (entry.principal.userId === userId) entries.delete(key);
}
