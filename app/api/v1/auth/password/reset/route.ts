import { resetPasswordInput } from "@/lib/auth/schemas";
import { resetPassword } from "@/lib/auth/service";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/password/reset — set a new password with the emailed code; signs out every session
export const POST = route({ auth: "public" }, async ({ req }) => {
  const user = await resetPassword(await parseJson(req, resetPasswordInput));
  return Response.json({ user });
});
