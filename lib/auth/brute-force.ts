// Brute-force protection for sign-in: at most 5 failures per account+IP in 15 minutes.
// Kept in the database so it holds across restarts and across app instances.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

export async function assertNotLockedOut(email: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
  const failures = await db().loginFailure.findMany({
    where: { email, ip, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: MAX_LOGIN_FAILURES,
  });
  if (failures.length < MAX_LOGIN_FAILURES) return;
  const unlocksAt = failures[0]!.createdAt.getTime() + LOGIN_FAILURE_WINDOW_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000));
  throw new AppError(
    "rate_limited",
    `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s), or reset your password.`,
    { retryAfterSeconds },
  );
}

export async function recordLoginFailure(email: string, ip: string, now = new Date()): Promise<void> {
  await db().loginFailure.create({ data: { email, ip, createdAt: now } });
  // Old rows are useless; drop this key's expired ones as we go.
  await db().loginFailure.deleteMany({
    where: { email, ip, createdAt: { lte: new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS) } },
  });
}

export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  await db().loginFailure.deleteMany({ where: { email, ip } });
}
