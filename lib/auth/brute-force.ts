// Brute-force protection for sign-in, kept in the database so it holds across restarts and
// instances. Two limits:
// - per account and address: 5 failures in 15 minutes lock that address out of that account;
// - per account, whatever the address: past 10 failures in 15 minutes every further attempt
//   waits twice as long as the last (1 s, 2 s, 4 s, … up to the window), so rotating addresses
//   (or forging X-Forwarded-For) buys no extra guesses, while the owner is only slowed, never
//   locked out for good.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;
/** Failures per account (any address) in the window before each attempt must wait. */
export const ACCOUNT_FREE_FAILURES = 10;
/** The most failures read per check; far past the point where the delay reaches the window. */
const ACCOUNT_FAILURES_READ = ACCOUNT_FREE_FAILURES + 20;

/** The wait after the `failures`-th failure on an account, before the next attempt. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - ACCOUNT_FREE_FAILURES), LOGIN_FAILURE_WINDOW_MS);
}

function lockedOut(waitMs: number, message: string): AppError {
  return new AppError("rate_limited", message, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
}

export async function assertNotLockedOut(email: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
  const failures = await db().loginFailure.findMany({
    where: { email, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, ip: true },
    take: ACCOUNT_FAILURES_READ,
  });

  const fromThisAddress = failures.filter((failure) => failure.ip === ip);
  if (fromThisAddress.length >= MAX_LOGIN_FAILURES) {
    const unlocksAt = fromThisAddress[MAX_LOGIN_FAILURES - 1]!.createdAt.getTime() + LOGIN_FAILURE_WINDOW_MS;
    const waitMs = unlocksAt - now.getTime();
    throw lockedOut(waitMs, `Too many failed sign-in attempts. Try again in ${Math.ceil(waitMs / 60_000)} minute(s), or reset your password.`);
  }

  const latest = failures[0];
  const waitMs = latest ? latest.createdAt.getTime() + accountDelayMs(failures.length) - now.getTime() : 0;
  if (waitMs > 0) {
    throw lockedOut(waitMs, `This account has had many failed sign-in attempts. Wait ${Math.ceil(waitMs / 1000)} s before trying again, or reset your password.`);
  }
}

export async function recordLoginFailure(email: string, ip: string, now = new Date()): Promise<void> {
  await db().loginFailure.create({ data: { email, ip, createdAt: now } });
  // Old rows are useless; drop this account's expired ones as we go.
  await db().loginFailure.deleteMany({
    where: { email, createdAt: { lte: new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS) } },
  });
}

/** A success from an address clears that address's failures; the account-wide count keeps running. */
export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  await db().loginFailure.deleteMany({ where: { email, ip } });
}
