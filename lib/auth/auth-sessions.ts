// Server-side records of browser sessions. The cookie stays a signed JWT (no read to verify it),
// but it names an AuthSession row, and a session counts only while its row is not revoked: a
// session cookie copied elsewhere dies with sign-out, instead of living its 30 days.
import "server-only";
import { db } from "@/lib/db";
import { forgetSessionsOf } from "./session-cache";

/** A new session row for `userId`; its id goes into the cookie. */
export async function createAuthSession(userId: string, maxAgeSeconds: number, now = new Date()): Promise<string> {
  // Expired rows are useless; sweep this user's as sessions are made.
  await db().authSession.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  const session = await db().authSession.create({
    data: { userId, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return session.id;
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Every browser session of `userId` ends at once (sign out everywhere, suspension). */
export async function revokeAllAuthSessions(userId: string): Promise<void> {
  await db().authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetSessionsOf(userId);
}
