import { verifyEmailInput } from "@/lib/auth/schemas";
import { verifyEmail } from "@/lib/auth/service";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/verify-email — confirm the address with the emailed code
export const POST = route({ auth: "public" }, async ({ req }) => {
  const user = await verifyEmail(await parseJson(req, verifyEmailInput));
  return Response.json({ user });
});
