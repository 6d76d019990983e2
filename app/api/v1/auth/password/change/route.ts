import { changePasswordInput, userResponse } from "@/lib/auth/schemas";
import { changePassword } from "@/lib/auth/service";
import { startSession, withCookies } from "@/lib/auth/session";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "user",
    // Account credentials are managed from the web app only: an API key (which may leak into a
    // script or a log) must not be able to guess the current password here or, knowing it, swap
    // it and leave with a session cookie.
    sessionOnly: true,
    limit: "auth",
    summary: "Change my password; other sessions are signed out, this one is renewed",
    body: changePasswordInput,
    response: { status: 200, schema: userResponse },
  },
  async ({ req, principal, body }) => {
    const user = await changePassword({ userId: principal.userId, ...body });
    const cookies = await startSession(new URL(req.url).origin, user.id);
    return withCookies(Response.json({ user }), cookies);
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
