import { userResponse } from "@/lib/auth/schemas";
import { getUserOrThrow, toPublicUser } from "@/lib/auth/service";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  { auth: "user", limit: "auth", summary: "The signed-in user", response: { status: 200, schema: userResponse } },
  async ({ principal }) => Response.json({ user: toPublicUser(await getUserOrThrow(principal.userId)) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
