// Auth inputs and outputs. Emails are trimmed and lower-cased so one address is one account.
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com.").max(254))
  .describe("Email address");

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters.")
  .max(200, "Password must be at most 200 characters.")
  .describe("Password, 8 to 200 characters");

export const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "The code is the 6 digits from the email.")
  .describe("6-digit code from the email");

export const registerInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(100).optional().describe("Display name"),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const verifyEmailInput = z.object({ email: emailSchema, code: codeSchema });
export type VerifyEmailInput = z.infer<typeof verifyEmailInput>;

export const emailOnlyInput = z.object({ email: emailSchema });

export const loginInput = z.union([
  z.object({ email: emailSchema, password: z.string().min(1, "Enter your password.").max(200) }),
  z.object({ email: emailSchema, code: codeSchema }),
]);
export type LoginInput = z.infer<typeof loginInput>;

export const resetPasswordInput = z.object({ email: emailSchema, code: codeSchema, password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["user", "moderator", "admin"]),
  tier: z.enum(["free", "pro", "enterprise"]),
  emailVerified: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUser>;

/** The answer of every route that returns the account: `{ user }`. */
export const userResponse = z.object({ user: publicUser });
export type UserResponse = z.infer<typeof userResponse>;

/** Answered whether or not the account exists, so the endpoint does not reveal which emails are registered. */
export const mailQueuedResponse = z.object({ sent: z.literal(true) });

export const logoutInput = z.object({
  everywhere: z.boolean().default(false).describe("End every session of this account (all browsers), not only this one"),
});
