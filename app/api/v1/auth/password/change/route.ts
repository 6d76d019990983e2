import { changePasswordInput } from "@/lib/auth/schemas";
import { changePassword } from "@/lib/auth/service";
import { startSession, withCookies } from "@/lib/auth/session";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/password/change — change my password; other sessions are signed out, this one is renewed
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const input = await parseJson(req, changePasswordInput);
  const user = await changePassword({ userId: principal.userId, ...input });
  const cookies = await startSession(new URL(req.url).origin, user.id);
  return withCookies(Response.json({ user }), cookies);
});
