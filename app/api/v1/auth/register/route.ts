import { registerInput, userResponse } from "@/lib/auth/schemas";
import { registerUser } from "@/lib/auth/service";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Create an account; a 6-digit code is emailed to verify it",
    body: registerInput,
    response: { status: 201, schema: userResponse },
  },
  async ({ body }) => Response.json({ user: await registerUser(body) }, { status: 201 }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
