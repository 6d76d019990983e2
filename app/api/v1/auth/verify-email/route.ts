import { userResponse, verifyEmailInput } from "@/lib/auth/schemas";
import { verifyEmail } from "@/lib/auth/service";
import { startSession, withCookies } from "@/lib/auth/session";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Confirm the address with the emailed code; signs the person in (sets the session cookie)",
    body: verifyEmailInput,
    response: { status: 200, schema: userResponse },
  },
  async ({ req, body }) => {
    // The code proves the mailbox, as a sign-in code would: no second step with the password.
    const user = await verifyEmail(body);
    const cookies = await startSession(new URL(req.url).origin, user.id);
    return withCookies(Response.json({ user }), cookies);
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
