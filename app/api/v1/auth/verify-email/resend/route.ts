import { emailOnlyInput } from "@/lib/auth/schemas";
import { resendVerification } from "@/lib/auth/service";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/verify-email/resend — send a new verification code (same answer whether or not the account exists)
export const POST = route({ auth: "public" }, async ({ req }) => {
  const { email } = await parseJson(req, emailOnlyInput);
  await resendVerification(email);
  return Response.json({ sent: true }, { status: 202 });
});
