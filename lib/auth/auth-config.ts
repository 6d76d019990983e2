// Auth.js (next-auth v5) configuration. Sessions are signed JWT cookies. Password and emailed-code
// sign-in are checked by our own service (which answers with precise error codes); the
// Credentials provider here only redeems the single-use ticket that service issues.
// OAuth providers switch on when their env is set, and then use the Prisma adapter.
import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authLogger } from "./auth-logger";
import { createAuthSession } from "./auth-sessions";
import { consumeSessionTicket } from "./session-ticket";
import { getAuthSecret } from "./secret";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** User.sessionVersion when the session was issued; a later password change revokes it. */
    sv?: number;
    /** The AuthSession row this cookie belongs to; revoking the row ends the session. */
    sid?: string;
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function oauthProviders() {
  const providers = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return providers;
}

export function isOAuthProviderConfigured(provider: "github" | "google"): boolean {
  return provider === "github"
    ? Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET)
    : Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET);
}

/** Built on demand (not at import), so `next build` never opens the database. */
export function authConfig(): NextAuthConfig {
  const oauth = oauthProviders();
  return {
    secret: getAuthSecret(),
    trustHost: true,
    logger: authLogger,
    basePath: "/api/auth",
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // The adapter's types name @prisma/client's default output; ours is generated into lib/db.
    adapter: oauth.length ? PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]) : undefined,
    providers: [
      Credentials({
        id: "credentials",
        credentials: { ticket: {} },
        async authorize(credentials) {
          const ticket = typeof credentials?.ticket === "string" ? credentials.ticket : "";
          return ticket ? consumeSessionTicket(ticket) : null;
        },
      }),
      ...oauth,
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sv = user.sessionVersion ?? 0;
          token.sid = await createAuthSession(user.id, SESSION_MAX_AGE_SECONDS);
        }
        return token;
      },
      async session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
