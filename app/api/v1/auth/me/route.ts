import { getUserOrThrow, toPublicUser } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

// GET /api/v1/auth/me — the signed-in user
export const GET = route({ auth: "user" }, async ({ principal }) => {
  return Response.json({ user: toPublicUser(await getUserOrThrow(principal.userId)) });
});
