import { emailOnlyInput, mailQueuedResponse } from "@/lib/auth/schemas";
import { requestSignInCode } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Email a one-time sign-in code (same answer whether or not the account exists)",
    body: emailOnlyInput,
    response: { status: 202, schema: mailQueuedResponse },
  },
  async ({ body }) => {
    await requestSignInCode(body.email);
    return Response.json({ sent: true }, { status: 202 });
  },
);
