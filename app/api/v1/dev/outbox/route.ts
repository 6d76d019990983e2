import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { hasRole, principalFromHeaders } from "@/lib/auth/principal";
import { isOutboxEnabled, listOutbox, outboxReaders } from "@/lib/mail/send";

const outboxQuery = z.object({
  to: emailSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const outboxMail = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.date() });

export const GET = route(
  {
    auth: "public",
    summary: "Mail the app would have sent (exists only while no SMTP server is configured; admins only in production)",
    query: outboxQuery,
    response: { status: 200, schema: z.object({ items: z.array(outboxMail).describe("Newest first") }) },
  },
  async ({ req, query }) => {
    if (!isOutboxEnabled()) throw new AppError("not_found", "The dev outbox is off because SMTP is configured.");
    if (outboxReaders() === "admins") {
      const principal = await principalFromHeaders(req.headers);
      if (!principal || !hasRole(principal, "admin")) throw new AppError("not_found", "The dev outbox is for admins; codes are in the server log.");
    }
    return Response.json({ items: await listOutbox(query) });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET"]);
