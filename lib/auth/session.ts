// Session cookies. Issuing and clearing go through Auth.js itself (its credentials callback and
// sign-out actions, run in-process), so the cookie is exactly what Auth.js and `auth()` expect;
// reading decodes the same JWT from any Request or header set, inside or outside Next.
import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { getToken, type JWT } from "@auth/core/jwt";
import { authConfig } from "./auth-config";
import { revokeAllAuthSessions, revokeAuthSession } from "./auth-sessions";
import { getAuthSecret } from "./secret";
import { forgetSession, sessionCacheKey } from "./session-cache";
import { issueSessionTicket } from "./session-ticket";

export interface CookieToSet {
  name: string;
  value: string;
  options: Record<string, unknown>;
}

async function runAuthAction(
  origin: string,
  action: "callback/credentials" | "signout",
  body: Record<string, string>,
  cookie?: string | null,
) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  // Auth.js clears only the session cookies it is shown, so sign-out forwards them.
  if (cookie) headers.set("cookie", cookie);
  const request = new Request(`${origin}/api/auth/${action}`, {
    method: "POST",
    headers,
    body: new URLSearchParams({ ...body, callbackUrl: `${origin}/` }),
  });
  const result = await Auth(request, { ...authConfig(), raw, skipCSRFCheck });
  return (result.cookies ?? []) as CookieToSet[];
}

/** Cookies that sign `userId` in. The caller must already have checked their credentials. */
export async function startSession(origin: string, userId: string): Promise<CookieToSet[]> {
  const ticket = await issueSessionTicket(userId);
  return runAuthAction(origin, "callback/credentials", { ticket });
}

/**
 * Signs this browser out: its session row is revoked (so a copied cookie stops working too) and
 * the cookie cleared. `everywhere` revokes every session of the signed-in account.
 */
export async function endSession(req: Request, options: { everywhere?: boolean } = {}): Promise<CookieToSet[]> {
  const key = sessionCacheKey(req.headers);
  if (key) forgetSession(key);
  const token = await readSessionToken(req.headers);
  if (options.everywhere && token?.sub && token.sid) await revokeAllAuthSessions(token.sub);
  else if (token?.sid) await revokeAuthSession(token.sid);
  return runAuthAction(new URL(req.url).origin, "signout", {}, req.headers.get("cookie"));
}

/** Decodes the session JWT from request headers; null when absent, tampered or expired. */
export async function readSessionToken(headers: Headers): Promise<JWT | null> {
  const req = { headers };
  const secret = getAuthSecret();
  // Over https Auth.js names the cookie with the __Secure- prefix; accept either.
  return (await getToken({ req, secret, secureCookie: true })) ?? (await getToken({ req, secret, secureCookie: false }));
}

function serializeCookie({ name, value, options }: CookieToSet): string {
  const parts = [`${name}=${value}`];
  if (options.path) parts.push(`Path=${String(options.path)}`);
  if (options.expires instanceof Date) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (typeof options.maxAge === "number") parts.push(`Max-Age=${options.maxAge}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  if (typeof options.sameSite === "string") parts.push(`SameSite=${options.sameSite}`);
  return parts.join("; ");
}

export function withCookies(response: Response, cookies: CookieToSet[]): Response {
  for (const cookie of cookies) response.headers.append("Set-Cookie", serializeCookie(cookie));
  return response;
}
