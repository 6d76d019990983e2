// API key secrets: `bc_` + 32 url-safe characters (192 random bits). Only the SHA-256 hash is
// stored: a key has far too much entropy to brute-force, so a fast hash lets every request
// look its key up by an index instead of running a slow password hash.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "bc_";
const API_KEY_PATTERN = /^bc_[A-Za-z0-9_-]{32}$/;

export function generateApiKeySecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  return { secret, hash: hashApiKeySecret(secret), prefix: secret.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 8) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/** The Bearer token of an Authorization header, or null when there is none. */
export function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  return match ? match[1]!.trim() : header.trim();
}
