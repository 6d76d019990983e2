import { emailOnlyInput, mailQueuedResponse } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

/**
 * The three routes that email a code (sign-in, password reset, verification): `{ email }` in,
 * 202 `{ sent: true }` out, whether or not the account exists, so none reveals who has one.
 */
export function mailCodeRoute(summary: string, send: (email: string) => Promise<void>) {
  return route(
    { auth: "public", limit: "auth", summary, body: emailOnlyInput, response: { status: 202, schema: mailQueuedResponse } },
    async ({ body }) => {
      await send(body.email);
      return Response.json({ sent: true }, { status: 202 });
    },
  );
}
