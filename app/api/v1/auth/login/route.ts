import { loginInput, userResponse } from "@/lib/auth/schemas";
import { authenticate } from "@/lib/auth/service";
import { startSession, withCookies } from "@/lib/auth/session";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Sign in with { email, password } or { email, code }; sets the session cookie",
    body: loginInput,
    response: { status: 200, schema: userResponse },
  },
  async ({ req, ip, body }) => {
    const user = await authenticate(body, ip);
    const cookies = await startSession(new URL(req.url).origin, user.id);
    return withCookies(Response.json({ user }), cookies);
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
