import { userResponse } from "@/lib/auth/schemas";
import { getUserOrThrow, toPublicUser } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

export const GET = route(
  { auth: "user", limit: "auth", summary: "The signed-in user", response: { status: 200, schema: userResponse } },
  async ({ principal }) => Response.json({ user: toPublicUser(await getUserOrThrow(principal.userId)) }),
);
