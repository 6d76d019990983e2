import { registerInput } from "@/lib/auth/schemas";
import { registerUser } from "@/lib/auth/service";
import { parseJson, route } from "@/lib/http/route";

// POST /api/v1/auth/register — create an account; a 6-digit code is emailed to verify it
export const POST = route({ auth: "public" }, async ({ req }) => {
  const input = await parseJson(req, registerInput);
  const user = await registerUser(input);
  return Response.json({ user }, { status: 201 });
});
