// One-time codes for people: 6 digits to verify an email, sign in or reset a password. Only an
// HMAC of a code is stored, keyed by the auth secret, so a leaked table does not reveal live
// codes (a million possibilities would fall to a plain hash at once). The session tickets that
// share the table are session-ticket.ts's: 256 random bits, so a plain SHA-256 is enough there.
import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import type { AuthCodePurpose } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { getAuthSecret } from "./secret";

/** The purposes of codes a person types. */
export type PersonCodePurpose = Exclude<AuthCodePurpose, "session_ticket">;

export const CODE_TTL_MINUTES: Record<PersonCodePurpose, number> = {
  verify_email: 30,
  sign_in: 10,
  reset_password: 15,
};

/** Wrong guesses allowed against one code before it is burned. */
export const MAX_CODE_ATTEMPTS = 5;

function hashCode(userId: string, purpose: PersonCodePurpose, code: string): string {
  return createHmac("sha256", getAuthSecret()).update(`${purpose}:${userId}:${code}`).digest("base64url");
}

function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Issues a fresh code, replacing any earlier unused one for the same purpose. Returns it in clear once. */
export async function issueCode(userId: string, purpose: PersonCodePurpose, now = new Date()): Promise<string> {
  const code = generateCode();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES[purpose] * 60_000);
  await db().$transaction([
    db().authCode.deleteMany({ where: { userId, purpose, consumedAt: null } }),
    db().authCode.create({ data: { userId, purpose, codeHash: hashCode(userId, purpose, code), expiresAt } }),
  ]);
  return code;
}

/**
 * Consumes the newest code for this purpose, or throws a code a person can act on:
 * invalid_code, code_expired or code_used.
 */
export async function consumeCode(
  userId: string,
  purpose: PersonCodePurpose,
  code: string,
  now = new Date(),
): Promise<void> {
  const latest = await db().authCode.findFirst({
    where: { userId, purpose },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, attempts: true, expiresAt: true, consumedAt: true },
  });
  if (!latest) throw new AppError("invalid_code", "That code is not valid. Request a new one.");

  const expected = Buffer.from(latest.codeHash);
  const actual = Buffer.from(hashCode(userId, purpose, code));
  const matches = expected.length === actual.length && timingSafeEqual(expected, actual);

  if (latest.consumedAt) {
    throw matches
      ? new AppError("code_used", "That code was already used. Request a new one.")
      : new AppError("invalid_code", "That code is not valid. Request a new one.");
  }
  if (latest.expiresAt <= now) throw new AppError("code_expired", "That code has expired. Request a new one.");
  if (latest.attempts >= MAX_CODE_ATTEMPTS) {
    throw new AppError("invalid_code", "Too many wrong attempts for this code. Request a new one.");
  }
  if (!matches) {
    await db().authCode.update({ where: { id: latest.id }, data: { attempts: { increment: 1 } } });
    throw new AppError("invalid_code", "That code is not correct. Check the latest email and try again.");
  }
  // Conditional on consumedAt still being null, so two concurrent uses cannot both succeed.
  const { count } = await db().authCode.updateMany({
    where: { id: latest.id, consumedAt: null },
    data: { consumedAt: now },
  });
  if (count === 0) throw new AppError("code_used", "That code was already used. Request a new one.");
}
