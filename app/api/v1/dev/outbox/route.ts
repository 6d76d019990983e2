import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { parseQuery, route } from "@/lib/http/route";
import { isOutboxEnabled, listOutbox } from "@/lib/mail/send";

const outboxQuery = z.object({
  to: emailSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// GET /api/v1/dev/outbox — mail the app would have sent (exists only while no SMTP server is configured)
export const GET = route({ auth: "public" }, async ({ req }) => {
  if (!isOutboxEnabled()) throw new AppError("not_found", "The dev outbox is off because SMTP is configured.");
  const { to, limit } = parseQuery(req, outboxQuery);
  return Response.json({ mails: await listOutbox({ to, limit }) });
});
