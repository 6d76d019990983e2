// Accounts: register, verify email, sign in (password or emailed code), reset and change
// password. Route handlers, pages and Auth.js all call these; none touch the tables directly.
import "server-only";
import { db } from "@/lib/db";
import { ensurePersonalWorkspace } from "@/lib/workspaces/personal";
import type { User } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { assertNotLockedOut, clearLoginFailures, recordLoginFailure } from "./brute-force";
import { CODE_TTL_MINUTES, consumeCode, issueCode } from "./codes";
import { getDecoyHash, hashPassword, verifyPassword } from "./password";
import { forgetSessionsOf } from "./session-cache";
import type {
  ChangePasswordInput,
  LoginInput,
  PublicUser,
  RegisterInput,
  ResetPasswordInput,
  VerifyEmailInput,
} from "./schemas";

/** Serialises "is this the first user?" so two simultaneous first sign-ups cannot both become admin. */
const FIRST_USER_LOCK_KEY = 7_366_420_262;

export function toPublicUser(user: Pick<User, "id" | "email" | "name" | "role" | "tier" | "emailVerified">): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tier: user.tier,
    emailVerified: user.emailVerified !== null,
  };
}

export async function getUserOrThrow(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("not_found", "User not found.");
  return user;
}

async function sendCode(user: { id: string; email: string }, purpose: "verify_email" | "sign_in" | "reset_password") {
  const code = await issueCode(user.id, purpose);
  const minutes = CODE_TTL_MINUTES[purpose];
  const subjects = {
    verify_email: "Verify your BaatCheet email",
    sign_in: "Your BaatCheet sign-in code",
    reset_password: "Reset your BaatCheet password",
  } as const;
  await sendMail({
    to: user.email,
    subject: subjects[purpose],
    text: `Your code is ${code}. It expires in ${minutes} minutes. If you did not ask for it, ignore this email.`,
  });
}

/** The first account on an empty database becomes the admin. */
export async function createUserWithFirstAdmin(data: { email: string; name?: string; passwordHash?: string }) {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK_KEY})`;
    const isFirst = (await tx.user.count()) === 0;
    const user = await tx.user.create({ data: { ...data, role: isFirst ? "admin" : "user" } });
    await ensurePersonalWorkspace(user.id, tx);
    return user;
  });
}

export async function registerUser(input: RegisterInput): Promise<PublicUser> {
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("email_taken", "An account with this email already exists. Sign in instead.");
  const user = await createUserWithFirstAdmin({
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  await sendCode(user, "verify_email");
  return toPublicUser(user);
}

export async function verifyEmail(input: VerifyEmailInput): Promise<PublicUser> {
  const user = await db().user.findUnique({ where: { email: input.email } });
  if (!user) throw new AppError("invalid_code", "That code is not valid. Request a new one.");
  await consumeCode(user.id, "verify_email", input.code);
  return toPublicUser(await db().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } }));
}

/** Always succeeds from the caller's view, so it cannot be used to find out who has an account. */
export async function resendVerification(email: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email } });
  if (user && !user.emailVerified) await sendCode(user, "verify_email");
}

export async function requestSignInCode(email: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email } });
  if (user) await sendCode(user, "sign_in");
}

export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email } });
  if (user) await sendCode(user, "reset_password");
}

const invalidCredentials = () =>
  new AppError("invalid_credentials", "The email or password is not correct.");

/**
 * Checks a password or an emailed code. Failures are counted per account+IP; the 6th within
 * 15 minutes is refused with 429 before any check runs.
 */
export async function authenticate(input: LoginInput, ip: string): Promise<PublicUser> {
  await assertNotLockedOut(input.email, ip);
  const user = await db().user.findUnique({ where: { email: input.email }, omit: { passwordHash: false } });

  try {
    if ("password" in input) {
      // Compare against a decoy when there is no account, so timing does not tell.
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await getDecoyHash()));
      if (!user || !ok) throw invalidCredentials();
    } else {
      if (!user) throw new AppError("invalid_code", "That code is not valid. Request a new one.");
      await consumeCode(user.id, "sign_in", input.code);
      // Receiving the code proves the mailbox, so an unverified address becomes verified.
      if (!user.emailVerified) user.emailVerified = (await markVerified(user.id)).emailVerified;
    }
  } catch (error) {
    if (error instanceof AppError) await recordLoginFailure(input.email, ip);
    throw error;
  }

  await clearLoginFailures(input.email, ip);
  if (!user.emailVerified) {
    throw new AppError("email_not_verified", "Verify your email first: enter the code we sent you.");
  }
  return toPublicUser(user);
}

function markVerified(userId: string) {
  return db().user.update({ where: { id: userId }, data: { emailVerified: new Date() } });
}

export async function resetPassword(input: ResetPasswordInput): Promise<PublicUser> {
  const user = await db().user.findUnique({ where: { email: input.email } });
  if (!user) throw new AppError("invalid_code", "That code is not valid. Request a new one.");
  await consumeCode(user.id, "reset_password", input.code);
  const updated = await db().user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(input.password),
      sessionVersion: { increment: 1 },
      emailVerified: user.emailVerified ?? new Date(),
    },
  });
  forgetSessionsOf(user.id);
  return toPublicUser(updated);
}

/** Changes the password and signs out every other session (the caller re-issues its own). */
export async function changePassword(options: { userId: string } & ChangePasswordInput): Promise<PublicUser> {
  const user = await db().user.findUnique({ where: { id: options.userId }, omit: { passwordHash: false } });
  if (!user) throw new AppError("not_found", "User not found.");
  if (!user.passwordHash || !(await verifyPassword(options.currentPassword, user.passwordHash))) {
    throw new AppError("invalid_credentials", "The current password is not correct.");
  }
  const updated = await db().user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(options.newPassword), sessionVersion: { increment: 1 } },
  });
  forgetSessionsOf(user.id);
  return toPublicUser(updated);
}
