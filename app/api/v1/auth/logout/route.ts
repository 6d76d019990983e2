import { z } from "zod";
import { endSession, withCookies } from "@/lib/auth/session";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Clear the session cookie",
    response: { status: 200, schema: z.object({ signedOut: z.literal(true) }) },
  },
  async ({ req }) => withCookies(Response.json({ signedOut: true }), await endSession(req)),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
