import { emailOnlyInput } from "@/lib/auth/schemas";
import { requestSignInCode } from "@/lib/auth/service";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/login/code — email a one-time sign-in code (same answer whether or not the account exists)
export const POST = route({ auth: "public" }, async ({ req }) => {
  const { email } = await parseJson(req, emailOnlyInput);
  await requestSignInCode(email);
  return Response.json({ sent: true }, { status: 202 });
});
