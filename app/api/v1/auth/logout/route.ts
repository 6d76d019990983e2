import { endSession, withCookies } from "@/lib/auth/session";
import { route } from "@/lib/http/route";

// POST /api/v1/auth/logout — clear the session cookie
export const POST = route({ auth: "public" }, async ({ req }) => {
  const cookies = await endSession(req);
  return withCookies(Response.json({ signedOut: true }), cookies);
});
