import { emailOnlyInput } from "@/lib/auth/schemas";
import { requestPasswordReset } from "@/lib/auth/service";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/password/forgot — email a password reset code (same answer whether or not the account exists)
export const POST = route({ auth: "public" }, async ({ req }) => {
  const { email } = await parseJson(req, emailOnlyInput);
  await requestPasswordReset(email);
  return Response.json({ sent: true }, { status: 202 });
});
