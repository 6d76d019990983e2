import { emailOnlyInput, mailQueuedResponse } from "@/lib/auth/schemas";
import { requestPasswordReset } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Email a password reset code (same answer whether or not the account exists)",
    body: emailOnlyInput,
    response: { status: 202, schema: mailQueuedResponse },
  },
  async ({ body }) => {
    await requestPasswordReset(body.email);
    return Response.json({ sent: true }, { status: 202 });
  },
);
