import { loginInput } from "@/lib/auth/schemas";
import { authenticate } from "@/lib/auth/service";
import { startSession, withCookies } from "@/lib/auth/session";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/login — sign in with { email, password } or { email, code }; sets the session cookie
export const POST = route({ auth: "public" }, async ({ req, ip }) => {
  const user = await authenticate(await parseJson(req, loginInput), ip);
  const cookies = await startSession(new URL(req.url).origin, user.id);
  return withCookies(Response.json({ user }), cookies);
});
