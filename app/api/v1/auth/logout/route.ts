import { z } from "zod";
import { endSession, withCookies } from "@/lib/auth/session";
import { logoutInput } from "@/lib/auth/schemas";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Sign this browser out (its session ends on the server too); `everywhere: true` ends every session of the account",
    body: logoutInput,
    bodyOptional: true,
    response: { status: 200, schema: z.object({ signedOut: z.literal(true) }) },
  },
  async ({ req, body }) => withCookies(Response.json({ signedOut: true }), await endSession(req, body)),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
