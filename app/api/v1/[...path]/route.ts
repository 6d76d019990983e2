import { AppError } from "@/lib/errors";
import { errorBodySchema } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

// Not an endpoint, so not in the OpenAPI document: any /api/v1 path no route claims gets a JSON
// 404 instead of the HTML not-found page.
const notFound = route(
  {
    auth: "public",
    waitForDatabase: false,
    summary: "Any /api/v1 path no route claims",
    response: { status: 404, schema: errorBodySchema },
  },
  async ({ req }) => {
    throw new AppError("not_found", `No API endpoint at ${req.method} ${new URL(req.url).pathname}.`);
  },
);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
