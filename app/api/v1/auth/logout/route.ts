import { z } from "zod";
import { endSession, withCookies } from "@/lib/auth/session";
import { route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Clear the session cookie",
    response: { status: 200, schema: z.object({ signedOut: z.literal(true) }) },
  },
  async ({ req }) => withCookies(Response.json({ signedOut: true }), await endSession(req)),
);
