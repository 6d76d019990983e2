// Auth.js logs through here. Its default prints a multi-line stack trace for every refused
// request (a sign-out without the CSRF token, an unknown action), so anyone could fill the log
// by calling /api/auth anonymously. A request the caller got wrong is one warn line; anything
// else (a failing adapter or callback) is one error line with its cause.
import type { NextAuthConfig } from "next-auth";
import { log } from "@/lib/log";

/** Auth.js error types caused by the request, not by the server. */
const CALLER_ERRORS = new Set([
  "MissingCSRF",
  "UnknownAction",
  "InvalidCheck",
  "InvalidCallbackUrl",
  "InvalidProvider",
  "CredentialsSignin",
  "AccessDenied",
  "Verification",
  "OAuthCallbackError",
  "OAuthSignInError",
  "OAuthAccountNotLinked",
  "SessionTokenError",
  "JWTSessionError",
]);

const firstLine = (text: string) => text.split("\n", 1)[0]!.slice(0, 300);

export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    const type = (error as Error & { type?: string }).type ?? error.name;
    const cause = (error as Error & { cause?: { err?: unknown } }).cause?.err;
    const context = {
      type,
      message: firstLine(error.message),
      ...(cause instanceof Error ? { cause: firstLine(cause.message) } : {}),
    };
    if (CALLER_ERRORS.has(type)) log.warn("auth request refused", context);
    else log.error("auth error", context);
  },
  warn(code) {
    log.warn("auth warning", { code });
  },
  debug() {},
};
