import { resetPasswordInput, userResponse } from "@/lib/auth/schemas";
import { resetPassword } from "@/lib/auth/service";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Set a new password with the emailed code; signs out every session",
    body: resetPasswordInput,
    response: { status: 200, schema: userResponse },
  },
  async ({ body }) => Response.json({ user: await resetPassword(body) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
