import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

// Any /api/v1 path no route claims: a JSON 404 instead of the HTML not-found page.
const notFound = route({ auth: "public", waitForDatabase: false }, async ({ req }) => {
  throw new AppError("not_found", `No API endpoint at ${req.method} ${new URL(req.url).pathname}.`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
