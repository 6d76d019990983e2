import { userResponse, verifyEmailInput } from "@/lib/auth/schemas";
import { verifyEmail } from "@/lib/auth/service";
import { methodsNotAllowed, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "public",
    limit: "auth",
    summary: "Confirm the address with the emailed code",
    body: verifyEmailInput,
    response: { status: 200, schema: userResponse },
  },
  async ({ body }) => Response.json({ user: await verifyEmail(body) }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
