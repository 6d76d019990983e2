import { emailOnlyInput, mailQueuedResponse } from "@/lib/auth/schemas";
import { resendVerification } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Send a new verification code (same answer whether or not the account exists)",
    body: emailOnlyInput,
    response: { status: 202, schema: mailQueuedResponse },
  },
  async ({ body }) => {
    await resendVerification(body.email);
    return Response.json({ sent: true }, { status: 202 });
  },
);
