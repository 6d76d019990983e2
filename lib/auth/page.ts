// Server components and server actions: the same Principal, read from the incoming request.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/db/generated/client";
import { ensureMigrated } from "@/lib/db";
import { REQUEST_PATH_HEADER } from "./request-path";
import { assertRole, principalFromHeaders, type Principal } from "./principal";

export async function getPagePrincipal(): Promise<Principal | null> {
  // Reading the request first makes the page dynamic before the database is touched: at
  // `next build` prerendering stops here, and the embedded database is never opened (its lock
  // would still be held when `next start` begins).
  const requestHeaders = await headers();
  await ensureMigrated();
  return principalFromHeaders(requestHeaders);
}

/** For pages: sends a visitor without a session to the sign-in page, which brings them back here after. */
export async function requireUser(): Promise<Principal> {
  const principal = await getPagePrincipal();
  if (!principal) {
    const path = (await headers()).get(REQUEST_PATH_HEADER);
    // The login page checks the value again (same-origin paths only) before using it.
    redirect(path && path !== "/chat" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
  }
  return principal;
}

export async function requireRole(role: Role): Promise<Principal> {
  const principal = await requireUser();
  assertRole(principal, role);
  return principal;
}
